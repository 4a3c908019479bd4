package org.pingji.checkpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.pingji.access.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of checkpoints and point-to-point transfers. */
@RestController
@RequestMapping("/api")
@Tag(name = "Checkpoints", description = "Four-code checks, passages, daily counts, point-to-point transfers")
class CheckpointApi {

    private final Checkpoints checkpoints;
    private final Transfers transfers;
    private final java.time.Clock clock;

    CheckpointApi(Checkpoints checkpoints, Transfers transfers, java.time.Clock clock) {
        this.checkpoints = checkpoints;
        this.transfers = transfers;
        this.clock = clock;
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Checkpoints visible to the caller")
    List<Checkpoints.CheckpointView> checkpoints(Caller caller) {
        return checkpoints.checkpoints(caller);
    }

    @GetMapping("/checkpoints/{id}")
    @Operation(summary = "One checkpoint")
    Checkpoints.CheckpointView checkpoint(Caller caller, @PathVariable long id) {
        return checkpoints.checkpoint(caller, id);
    }

    record CheckBody(
            String checkId,
            List<String> codes,
            String plate,
            Boolean selfDrive,
            Integer passengers,
            String origin,
            Instant departedAt) {}

    @PostMapping("/checkpoints/{id}/checks")
    @Operation(
            summary = "Check a vehicle's travellers (codes = signed tokens or resident IDs): PASS, SPECIAL_LANE, "
                    + "FAST_TEST or TRANSFER with reasons; idempotent on checkId")
    CheckResult check(Caller caller, @PathVariable long id, @RequestBody CheckBody b) {
        if (b == null) {
            throw new IllegalArgumentException("请求体为空");
        }
        return checkpoints.check(
                caller,
                id,
                new Checkpoints.CheckRequest(
                        b.checkId(),
                        b.codes(),
                        b.plate(),
                        Boolean.TRUE.equals(b.selfDrive()),
                        b.passengers(),
                        b.origin(),
                        b.departedAt()));
    }

    @GetMapping("/checkpoints/{id}/counts")
    @Operation(summary = "Passages of a day (default today, Beijing time): vehicles, persons, by decision")
    Checkpoints.DailyCounts counts(
            Caller caller, @PathVariable long id, @RequestParam(required = false) LocalDate date) {
        return checkpoints.counts(caller, id, date == null ? LocalDate.now(clock.withZone(Checkpoints.BEIJING)) : date);
    }

    @GetMapping("/checkpoints/{id}/checks")
    @Operation(summary = "Recent passages at a checkpoint")
    List<CheckResult> recent(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        return checkpoints.recent(caller, id, limit);
    }

    @GetMapping("/transfers")
    @Operation(summary = "Point-to-point transfers in the jurisdiction (open ones by default)")
    List<Transfers.TransferView> transfers(Caller caller, @RequestParam(defaultValue = "true") boolean open) {
        return transfers.transfers(caller, open);
    }

    @GetMapping("/transfers/{id}")
    @Operation(summary = "One transfer with its receipts")
    Transfers.TransferView transfer(Caller caller, @PathVariable long id) {
        return transfers.transfer(caller, id);
    }

    record Assignment(String destinationKind, Long destinationId, String destination, String vehicle, String escort) {}

    @PutMapping("/transfers/{id}")
    @Operation(summary = "Set the destination (quarantine site or home), vehicle and escort")
    Transfers.TransferView assign(Caller caller, @PathVariable long id, @RequestBody Assignment a) {
        return transfers.assign(
                caller, id, a.destinationKind(), a.destinationId(), a.destination(), a.vehicle(), a.escort());
    }

    record ReceiptBody(@NotBlank String end, @NotBlank String counterpart) {}

    @PostMapping("/transfers/{id}/receipts")
    @Operation(summary = "Sign a handover receipt at ORIGIN (leaves the checkpoint) or DESTINATION (received)")
    Transfers.TransferView receipt(Caller caller, @PathVariable long id, @Valid @RequestBody ReceiptBody r) {
        return transfers.receipt(caller, id, r.end(), r.counterpart());
    }
}
