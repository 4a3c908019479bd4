package org.pingji.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of access: who am I, API tokens, the audit log. */
@RestController
@Tag(name = "Access", description = "Current user, API tokens and the audit log")
class AccessApi {

    private final AccessManagement access;
    private final Credentials credentials;

    AccessApi(AccessManagement access, Credentials credentials) {
        this.access = access;
        this.credentials = credentials;
    }

    @GetMapping("/api/me")
    @Operation(summary = "The authenticated user, role and jurisdiction")
    Caller me(Caller caller) {
        return caller;
    }

    record TokenRequest(@NotBlank @Size(max = 80) String name) {}

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API token for the caller (shown once; use as 'Authorization: Bearer <token>')")
    Map<String, String> token(Caller caller, @Valid @RequestBody TokenRequest request) {
        return Map.of("token", access.issueApiToken(caller, request.name()));
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(min = 8, max = 128) String newPassword) {}

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the caller's password (the old one stops working at once)")
    void changePassword(Caller caller, @Valid @RequestBody PasswordChange change) {
        credentials.changePassword(caller, change.currentPassword(), change.newPassword());
    }

    @GetMapping("/api/tokens")
    @Operation(summary = "The caller's API tokens (names and dates, never the tokens)")
    List<Credentials.TokenView> tokens(Caller caller) {
        return credentials.tokens(caller);
    }

    @DeleteMapping("/api/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's API tokens (refused from the next request on)")
    void revoke(Caller caller, @PathVariable long id) {
        credentials.revokeToken(caller, id);
    }

    record Enabled(boolean enabled) {}

    @PutMapping("/api/users/{username}/enabled")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Enable or disable a user inside the caller's jurisdiction (admin only)")
    void enable(Caller caller, @PathVariable String username, @RequestBody Enabled enabled) {
        credentials.setEnabled(caller, username, enabled.enabled());
    }

    /** A user to create; the jurisdiction must lie inside the admin's own. */
    record UserRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 80) String displayName,
            @NotBlank @Size(min = 8, max = 128) String password,
            @jakarta.validation.constraints.NotNull Role role,
            @NotBlank String jurisdictionCode) {}

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user with a role and a jurisdiction (admin only)")
    Map<String, Long> createUser(Caller caller, @Valid @RequestBody UserRequest request) {
        long id = access.createUser(
                caller,
                new AccessManagement.NewUser(
                        request.username(),
                        request.displayName(),
                        request.password(),
                        request.role(),
                        request.jurisdictionCode()));
        return Map.of("id", id);
    }

    @GetMapping("/api/users")
    @Operation(summary = "Users with a role inside the caller's jurisdiction (admin only)")
    List<AccessManagement.UserView> users(Caller caller, @RequestParam Role role) {
        caller.require(Permission.ADMINISTER);
        return access.usersWithRole(caller, role);
    }

    @GetMapping("/api/audit")
    @Operation(summary = "The audit log of personal-data reads and exports, newest first (admin only)")
    List<AccessManagement.AuditEntry> audit(
            Caller caller,
            @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return access.auditLog(caller, user, page, size);
    }
}
