package org.pingji.tracing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.tracing.TracingViews.Candidate;
import org.pingji.tracing.TracingViews.CaseView;
import org.pingji.tracing.TracingViews.Chain;
import org.pingji.tracing.TracingViews.ContactView;
import org.pingji.tracing.TracingViews.ItineraryEntry;
import org.pingji.tracing.TracingViews.Listed;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of tracing: cases, investigation deadlines, itineraries, contacts, check-ins and exposures. */
@RestController
@RequestMapping("/api/tracing")
@Tag(name = "Tracing", description = "Cases, contacts, itineraries, venue check-ins and exposure matching")
class TracingApi {

    private final TracingManagement tracing;
    private final CheckIns checkIns;
    private final Chains chains;

    TracingApi(TracingManagement tracing, CheckIns checkIns, Chains chains) {
        this.tracing = tracing;
        this.checkIns = checkIns;
        this.chains = chains;
    }

    record CaseRequest(
            @NotNull Long personId, @NotNull Instant confirmedAt, @NotBlank String classification, Instant onsetAt) {}

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a case (CONFIRMED or ASYMPTOMATIC) of a person; 409 if the person is already a case")
    Map<String, Long> create(Caller caller, @Valid @RequestBody CaseRequest r) {
        return Map.of("id", tracing.createCase(caller, r.personId(), r.confirmedAt(), r.classification(), r.onsetAt()));
    }

    @GetMapping("/cases")
    @Operation(summary = "Cases of the jurisdiction with their investigation deadlines and overdue flags")
    List<CaseView> cases(Caller caller) {
        return tracing.cases(caller);
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "A case with its deadlines (initial report 2 h, trajectory 4 h, preliminary report 24 h)")
    CaseView caseOf(Caller caller, @PathVariable long id) {
        return tracing.caseOf(caller, id);
    }

    @PostMapping("/cases/{id}/milestones/{step}")
    @Operation(summary = "Mark a milestone done: INITIAL_REPORT, TRAJECTORY or PRELIMINARY_REPORT")
    CaseView complete(Caller caller, @PathVariable long id, @PathVariable TracingManagement.Step step) {
        return tracing.complete(caller, id, step);
    }

    record ItineraryRequest(@NotNull Long placeId, @NotNull Instant from, @NotNull Instant to) {}

    @PostMapping("/cases/{id}/itinerary")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a stay of the case at a place")
    Map<String, Long> itinerary(Caller caller, @PathVariable long id, @Valid @RequestBody ItineraryRequest r) {
        return Map.of("id", tracing.addItinerary(caller, id, r.placeId(), r.from(), r.to()));
    }

    @GetMapping("/cases/{id}/itinerary")
    @Operation(summary = "The case's itinerary in time order")
    List<ItineraryEntry> itinerary(Caller caller, @PathVariable long id) {
        return tracing.itinerary(caller, id);
    }

    record ContactRequest(
            @NotNull Long personId, @NotBlank String kind, @NotNull Instant exposedAt, @NotBlank String setting) {}

    @PostMapping("/cases/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "List a CLOSE or SECONDARY contact; creates the placement the edition in force requires;"
                    + " 409 if already listed")
    Listed contact(Caller caller, @PathVariable long id, @Valid @RequestBody ContactRequest r) {
        return tracing.listContact(caller, id, r.personId(), r.kind(), r.exposedAt(), r.setting(), "MANUAL");
    }

    @GetMapping("/cases/{id}/contacts")
    @Operation(summary = "The contacts of a case with their placements")
    List<ContactView> contacts(Caller caller, @PathVariable long id) {
        return tracing.contacts(caller, id);
    }

    @PostMapping("/cases/{id}/contacts/{personId}/clear")
    @Operation(summary = "Clear a listed contact")
    Map<String, Boolean> clear(Caller caller, @PathVariable long id, @PathVariable long personId) {
        tracing.clearContact(caller, id, personId);
        return Map.of("cleared", true);
    }

    @GetMapping("/clusters/{id}/chain")
    @Operation(summary = "Transmission chain of a cluster (the id of its first case): nodes and edges")
    Chain chain(Caller caller, @PathVariable long id) {
        return chains.chain(caller, id);
    }

    record CheckInRequest(@NotBlank String placeCode, @NotNull Long personId, Instant at) {}

    @PostMapping("/checkins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Staff scan a person in at a venue by its place code")
    Map<String, Object> checkIn(Caller caller, @Valid @RequestBody CheckInRequest r) {
        checkIns.checkIn(caller, r.placeCode(), r.personId(), r.at());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("placeCode", r.placeCode().trim().toUpperCase(java.util.Locale.ROOT));
        body.put("personId", r.personId());
        body.put("checkedIn", true);
        return body;
    }

    @GetMapping("/cases/{id}/exposures")
    @Operation(
            summary = "Candidate contacts: persons checked in at the case's itinerary places within the window"
                    + " (pingji.tracing.exposure-window, default 30 min) of the stay")
    List<Candidate> exposures(Caller caller, @PathVariable long id) {
        return checkIns.exposures(caller, id);
    }

    record ReviewRequest(@NotBlank String decision, String note) {}

    @PostMapping("/cases/{id}/exposures/{personId}")
    @Operation(
            summary =
                    "Review a candidate: CONFIRMED lists them as a close contact (with placement), DISMISSED records it")
    Map<String, Object> review(
            Caller caller, @PathVariable long id, @PathVariable long personId, @Valid @RequestBody ReviewRequest r) {
        Listed listed = checkIns.review(caller, id, personId, r.decision(), r.note());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", r.decision());
        body.put("contact", listed);
        return body;
    }
}
