package org.pingji.quarantine;

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
import org.pingji.policy.Exposure;
import org.pingji.policy.QuarantineKind;
import org.pingji.quarantine.Views.AlertView;
import org.pingji.quarantine.Views.CheckResult;
import org.pingji.quarantine.Views.PlacementRow;
import org.pingji.quarantine.Views.RoomView;
import org.pingji.quarantine.Views.SiteView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of quarantine sites, placements, checks and release. */
@RestController
@RequestMapping("/api/quarantine")
@Tag(name = "Quarantine", description = "Sites, rooms, placements, health checks, door sensors, alerts and release")
class QuarantineApi {

    private final QuarantineManagement quarantine;

    QuarantineApi(QuarantineManagement quarantine) {
        this.quarantine = quarantine;
    }

    @GetMapping("/sites")
    @Operation(summary = "Central sites of the jurisdiction with capacity, occupancy and staff")
    List<SiteView> sites(Caller caller) {
        return quarantine.queries().sites(caller);
    }

    @GetMapping("/sites/{id}/rooms")
    @Operation(summary = "Rooms of a site and their occupants")
    List<RoomView> rooms(Caller caller, @PathVariable long id) {
        return quarantine.queries().rooms(caller, id);
    }

    record RoomsRequest(List<String> numbers) {}

    @PostMapping("/sites/{id}/rooms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add rooms to a quarantine site (grid place of kind QUARANTINE_SITE)")
    Map<String, Integer> addRooms(Caller caller, @PathVariable long id, @RequestBody RoomsRequest r) {
        return Map.of("added", quarantine.addRooms(caller, id, r.numbers()));
    }

    record StaffRequest(@NotBlank String name, @NotBlank String duty) {}

    @PostMapping("/sites/{id}/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member of staff to a site")
    Map<String, Long> addStaff(Caller caller, @PathVariable long id, @Valid @RequestBody StaffRequest r) {
        return Map.of("id", quarantine.addStaff(caller, id, r.name(), r.duty()));
    }

    record PlacementRequest(
            @NotNull Long personId,
            @NotNull QuarantineKind type,
            Long siteId,
            Long roomId,
            Instant start,
            Exposure exposure) {}

    @PostMapping("/placements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Place a person: CENTRAL (in a free room of siteId, or roomId) or HOME; planned end and test days"
                    + " from the edition in force for the exposure (default CLOSE_CONTACT)")
    Map<String, Object> place(Caller caller, @Valid @RequestBody PlacementRequest r) {
        var placed = quarantine.place(caller, r.personId(), r.type(), r.siteId(), r.roomId(), r.start(), r.exposure());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", placed.id());
        body.put("plannedEnd", placed.plannedEnd());
        body.put("room", placed.room());
        return body;
    }

    @GetMapping("/placements")
    @Operation(summary = "Placements of the jurisdiction (ACTIVE or RELEASED), optionally of one site")
    List<PlacementRow> placements(
            Caller caller,
            @RequestParam(defaultValue = "ACTIVE") String status,
            @RequestParam(required = false) Long siteId) {
        if (!status.equals("ACTIVE") && !status.equals("RELEASED")) {
            throw new IllegalArgumentException("status: 须为 ACTIVE 或 RELEASED");
        }
        return quarantine.queries().placements(caller, status.equals("ACTIVE"), siteId);
    }

    @GetMapping("/placements/{id}")
    @Operation(summary = "A placement with its release criteria, tests, checks and alerts")
    Map<String, Object> placement(Caller caller, @PathVariable long id) {
        Map<String, Object> body = new LinkedHashMap<>();
        var p = quarantine.queries().placement(caller, id);
        body.put("placement", p);
        body.put("release", quarantine.releaseCheck(caller, id));
        body.put("tests", quarantine.queries().tests(caller, id));
        body.put("checks", quarantine.queries().checks(caller, id));
        body.put("alerts", quarantine.queries().alerts(caller, id));
        return body;
    }

    record CheckRequest(Double temperature, List<String> symptoms, Instant at) {}

    @PostMapping("/placements/{id}/checks")
    @Operation(
            summary = "Record a temperature (30–45 °C) and symptom check; fever ≥ 37.3 °C or a listed symptom raises an"
                    + " alert and a fever-clinic referral")
    CheckResult check(Caller caller, @PathVariable long id, @RequestBody CheckRequest r) {
        return quarantine.checks().recordOne(caller, new HealthChecks.Entry(id, r.temperature(), r.symptoms(), r.at()));
    }

    @PostMapping("/checks")
    @Operation(summary = "Record up to 1,000 checks at once (all or nothing), e.g. a grid worker's round")
    List<CheckResult> checks(Caller caller, @RequestBody List<HealthChecks.Entry> entries) {
        return quarantine.checks().record(caller, entries);
    }

    record TestRequest(@NotBlank String result, Instant at) {}

    @PostMapping("/placements/{id}/tests")
    @Operation(summary = "Record a nucleic-acid test result (NEGATIVE, POSITIVE) of the placed person")
    Map<String, Object> test(Caller caller, @PathVariable long id, @Valid @RequestBody TestRequest r) {
        return Map.of("day", quarantine.recordTest(caller, id, r.at(), r.result()), "result", r.result());
    }

    @PostMapping("/placements/{id}/release")
    @Operation(summary = "Release when the criteria are met; otherwise 409 with every unmet criterion in reasons")
    Map<String, Object> release(Caller caller, @PathVariable long id) {
        return Map.of("released", true, "releasedAt", quarantine.release(caller, id));
    }

    record OverrideRequest(@NotBlank String reason) {}

    @PostMapping("/placements/{id}/release-override")
    @Operation(summary = "Ask to release before the criteria are met (reason); another manager must approve")
    Map<String, Object> requestOverride(Caller caller, @PathVariable long id, @Valid @RequestBody OverrideRequest r) {
        quarantine.requestOverride(caller, id, r.reason());
        return Map.of("requested", true, "requestedBy", caller.username());
    }

    @PostMapping("/placements/{id}/release-override/approve")
    @Operation(summary = "Approve an override request (a manager other than the requester) and release")
    Map<String, Object> approveOverride(Caller caller, @PathVariable long id) {
        return Map.of("released", true, "releasedAt", quarantine.approveOverride(caller, id));
    }

    record DoorEvent(@NotBlank String sensorId, @NotBlank String event, Instant at) {}

    @PostMapping("/placements/{id}/door-events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A door sensor reports OPEN or CLOSE; an opening raises an alert")
    Map<String, Long> door(Caller caller, @PathVariable long id, @Valid @RequestBody DoorEvent r) {
        return Map.of("id", quarantine.checks().doorEvent(caller, id, r.sensorId(), r.event(), r.at()));
    }

    @GetMapping("/alerts")
    @Operation(
            summary = "Alerts (fever, missed checks, door) for placements in the jurisdiction, newest first;"
                    + " level=GRID_WORKER|TOWNSHIP|SITE for one escalation level")
    List<AlertView> alerts(Caller caller, @RequestParam(required = false) String level) {
        return quarantine.queries().alerts(caller, null, level);
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @Operation(summary = "Mark an alert as handled")
    Map<String, Boolean> acknowledge(Caller caller, @PathVariable long id) {
        quarantine.checks().acknowledge(caller, id);
        return Map.of("acknowledged", true);
    }
}
