package org.pingji.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the population ledger. Resident IDs and phones travel only in request bodies,
 * never in URLs.
 */
@RestController
@RequestMapping("/api/persons")
@Tag(name = "Persons", description = "The population ledger, scoped to the caller's jurisdiction")
class PersonApi {

    private final PersonManagement persons;

    PersonApi(PersonManagement persons) {
        this.persons = persons;
    }

    @GetMapping
    @Operation(
            summary = "A page of the persons in a region (IDs masked); size at most 500. Pass an earlier page's "
                    + "nextCursor as 'cursor' to continue after it at constant cost (page is then ignored)")
    PersonPage list(
            Caller caller,
            @RequestParam String region,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String cursor) {
        return persons.persons(caller, region, page, size, cursor);
    }

    /** A search: full resident ID, 11-digit phone or the start of a name. */
    record SearchRequest(@NotBlank @Size(max = 40) String query) {}

    @PostMapping("/search")
    @Operation(summary = "Find persons in the jurisdiction by resident ID, phone or name prefix (at most 100)")
    List<PersonRow> search(Caller caller, @Valid @RequestBody SearchRequest request) {
        return persons.search(caller, request.query());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A person's ledger entry (masked); 404 outside the jurisdiction; audited")
    PersonDetail person(Caller caller, @PathVariable long id) {
        return persons.person(caller, id);
    }

    @PostMapping("/{id}/unmask")
    @Operation(summary = "The full resident ID and phone, for roles allowed to see them; audited")
    PersonManagement.Unmasked unmask(Caller caller, @PathVariable long id) {
        return persons.unmask(caller, id);
    }

    /** A person to register in a micro-grid of the caller's jurisdiction. */
    record RegisterRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank String residentId,
            String phone,
            @NotBlank String microGridCode,
            Long householdId,
            ResidenceKind residence) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register one person; 400 naming the field when invalid or the ID exists")
    Map<String, Long> register(Caller caller, @Valid @RequestBody RegisterRequest request) {
        long id = persons.register(
                caller,
                new NewPerson(
                        request.name(),
                        request.residentId(),
                        request.phone(),
                        request.microGridCode(),
                        request.householdId(),
                        request.residence()));
        return Map.of("id", id);
    }
}
