package org.pingji.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of health status and status codes. */
@RestController
@RequestMapping("/api/status")
@Tag(name = "Health status", description = "Status with reasons, signed codes, offline verification keys, overrides")
class StatusApi {

    private final HealthStatus status;
    private final StatusCodes codes;
    private final AccessManagement access;

    StatusApi(HealthStatus status, StatusCodes codes, AccessManagement access) {
        this.status = status;
        this.codes = codes;
        this.access = access;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own status (a resident's linked person)")
    StatusView me(Caller caller) {
        return status.status(caller, ownPerson(caller));
    }

    @GetMapping("/{personId}")
    @Operation(summary = "A person's status with every reason (own, or staff in the jurisdiction)")
    StatusView status(Caller caller, @PathVariable long personId) {
        return status.status(caller, personId);
    }

    @GetMapping("/{personId}/code")
    @Operation(summary = "A freshly signed status code (token) and its expiry")
    StatusCodes.IssuedCode code(Caller caller, @PathVariable long personId) {
        return codes.issue(caller, personId);
    }

    @GetMapping(path = "/{personId}/code.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The status code as a QR image")
    ResponseEntity<byte[]> qr(Caller caller, @PathVariable long personId) {
        StatusCodes.IssuedCode code = codes.issue(caller, personId);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("X-Code-Expires", code.expiresAt().toString())
                .contentType(MediaType.IMAGE_PNG)
                .body(codes.qrPng(code.token(), 320));
    }

    record VerifyRequest(String token) {}

    @PostMapping("/verify")
    @Operation(summary = "Verify a token: signature, key and expiry (no database)")
    StatusCodes.Verification verify(@RequestBody VerifyRequest r) {
        return codes.verify(r == null ? null : r.token());
    }

    @GetMapping("/keys")
    @Operation(summary = "Public keys (raw Ed25519, base64url) that verify codes, for offline checkers")
    List<StatusCodes.PublicKeyView> keys() {
        return codes.publicKeys();
    }

    @PostMapping("/keys/rotate")
    @Operation(summary = "Make a new signing key (admin); older keys keep verifying")
    StatusCodes.PublicKeyView rotate(Caller caller) {
        return codes.rotate(caller);
    }

    record OverrideRequest(@NotNull HealthColor status, @NotBlank String reason, Instant until) {}

    @PostMapping("/{personId}/overrides")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a manual override; it applies only after a second user approves")
    HealthStatus.Override requestOverride(
            Caller caller, @PathVariable long personId, @Valid @RequestBody OverrideRequest r) {
        return status.requestOverride(caller, personId, r.status(), r.reason(), r.until());
    }

    @GetMapping("/{personId}/overrides")
    @Operation(summary = "A person's override requests")
    List<HealthStatus.Override> overrides(Caller caller, @PathVariable long personId) {
        return status.overrides(caller, personId);
    }

    @PostMapping("/overrides/{id}/approve")
    @Operation(summary = "Approve an override (a user other than the requester)")
    HealthStatus.Override approve(Caller caller, @PathVariable long id) {
        return status.decideOverride(caller, id, true);
    }

    @PostMapping("/overrides/{id}/reject")
    @Operation(summary = "Reject an override")
    HealthStatus.Override reject(Caller caller, @PathVariable long id) {
        return status.decideOverride(caller, id, false);
    }

    private long ownPerson(Caller caller) {
        return access.personOf(caller).orElseThrow(() -> new IllegalArgumentException("该账号未关联居民信息"));
    }
}
