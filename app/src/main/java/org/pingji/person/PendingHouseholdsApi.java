package org.pingji.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pingji.access.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 待分配 list of a region and its bulk assignment to micro-grids. */
@RestController
@Tag(name = "Unassigned households", description = "Households imported above micro-grid level, assigned in bulk")
class PendingHouseholdsApi {

    private final PendingHouseholds pending;

    PendingHouseholdsApi(PendingHouseholds pending) {
        this.pending = pending;
    }

    /** Assign by address prefix (blank: all) or by the listed ids. */
    record AssignRequest(@NotBlank String microGrid, @Size(max = 200) String addressPrefix, List<Long> householdIds) {}

    @GetMapping("/api/regions/{code}/unassigned-households")
    @Operation(summary = "Open households of the region's 待分配 list, by address (at most 'limit', default 500)")
    List<PendingHouseholds.Pending> list(
            Caller caller, @PathVariable String code, @RequestParam(defaultValue = "500") int limit) {
        return pending.list(caller, code, limit);
    }

    @PostMapping("/api/regions/{code}/unassigned-households/assign")
    @Operation(
            summary = "Assign the region's open households whose address starts with addressPrefix (or the"
                    + " listed householdIds) to a micro-grid inside the region; returns households and persons moved")
    PendingHouseholds.Assigned assign(
            Caller caller, @PathVariable String code, @Valid @RequestBody AssignRequest request) {
        return pending.assign(caller, code, request.addressPrefix(), request.householdIds(), request.microGrid());
    }
}
