package org.pingji.arrival;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of arrivals (来返报备). */
@RestController
@RequestMapping("/api/arrivals")
@Tag(name = "Arrivals", description = "Arrival reports, required measures, grid worker tasks, counts per region")
class ArrivalApi {

    private final Arrivals arrivals;
    private final GridManagement grid;

    ArrivalApi(Arrivals arrivals, GridManagement grid) {
        this.arrivals = arrivals;
        this.grid = grid;
    }

    record ArrivalRequest(
            @NotNull Long personId,
            @NotBlank String origin,
            String route,
            @NotNull Instant departedAt,
            @NotNull Instant arrivedAt,
            @NotBlank String transport) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report an arrival: matched against risk versions and the policy edition → measures")
    Arrivals.ArrivalView report(Caller caller, @Valid @RequestBody ArrivalRequest r) {
        return arrivals.report(
                caller,
                new Arrivals.NewArrival(
                        r.personId(), r.origin(), r.route(), r.departedAt(), r.arrivedAt(), r.transport()),
                caller.role() == Role.RESIDENT ? "SELF" : "GRID");
    }

    @GetMapping("/{id}")
    @Operation(summary = "One arrival with its measures")
    Arrivals.ArrivalView arrival(Caller caller, @PathVariable long id) {
        return arrivals.arrival(caller, id);
    }

    @GetMapping
    @Operation(summary = "Recent arrivals in the caller's jurisdiction")
    List<Arrivals.ArrivalView> recent(Caller caller, @RequestParam(defaultValue = "100") int limit) {
        return arrivals.recent(caller, limit);
    }

    @GetMapping("/tasks")
    @Operation(summary = "Grid worker tasks from arrivals in the jurisdiction (open ones by default)")
    List<Arrivals.Task> tasks(Caller caller, @RequestParam(defaultValue = "true") boolean open) {
        return arrivals.tasks(caller, open);
    }

    record Done(@NotBlank String outcome) {}

    @PostMapping("/tasks/{id}/done")
    @Operation(summary = "Complete a task with its outcome")
    Map<String, Object> done(Caller caller, @PathVariable long id, @Valid @RequestBody Done d) {
        arrivals.complete(caller, id, d.outcome());
        return Map.of("id", id, "done", true);
    }

    @GetMapping("/counts")
    @Operation(summary = "Arrivals per child region: screened, out of province, by risk, quarantines required")
    List<Arrivals.RegionCounts> counts(Caller caller, @RequestParam(required = false) String region) {
        String code = region == null ? caller.jurisdictionCode() : region;
        return arrivals.counts(caller, grid.region(caller, code).path());
    }
}
