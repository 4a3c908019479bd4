package org.pingji.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.pingji.platform.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to how a user signs in: their password, their API tokens, an administrator disabling
 * the account. Each change drops the user's verified credentials from the {@link
 * CredentialCache} at once, so an old password or a revoked token stops working with the change,
 * not up to a minute later. Audited.
 */
@Service
public class Credentials {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final CredentialCache cache;
    private final AccessManagement access;
    private final Clock clock;

    Credentials(
            JdbcClient jdbc, PasswordEncoder passwords, CredentialCache cache, AccessManagement access, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.cache = cache;
        this.access = access;
        this.clock = clock;
    }

    /** Changes the caller's own password; the current one must be given. At least 8 characters. */
    @Transactional
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        String hash = jdbc.sql("select password_hash from access.users where id = ?")
                .param(caller.userId())
                .query(String.class)
                .single();
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw new IllegalArgumentException("currentPassword: 当前密码不正确");
        }
        if (newPassword == null || newPassword.length() < 8 || newPassword.length() > 128) {
            throw new IllegalArgumentException("newPassword: 新密码须为 8–128 个字符");
        }
        jdbc.sql("update access.users set password_hash = ? where id = ?")
                .params(passwords.encode(newPassword), caller.userId())
                .update();
        cache.forgetUser(caller.userId());
        access.audit(caller, "PASSWORD_CHANGED", "USER", caller.username(), null);
    }

    /** Enables or disables a user inside the administrator's jurisdiction. */
    @Transactional
    public void setEnabled(Caller admin, String username, boolean enabled) {
        admin.require(Permission.ADMINISTER);
        var user = jdbc.sql("select id, jurisdiction_path from access.users where username = ?")
                .param(username)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional()
                .filter(row -> admin.covers((String) row[1]))
                .orElseThrow(() -> new UnknownUser(username));
        long id = (Long) user[0];
        jdbc.sql("update access.users set enabled = ? where id = ?")
                .params(enabled, id)
                .update();
        cache.forgetUser(id);
        access.audit(admin, enabled ? "USER_ENABLED" : "USER_DISABLED", "USER", username, null);
    }

    /** An API token as its owner sees it: never the token itself. */
    public record TokenView(long id, String name, Instant createdAt, Instant revokedAt) {}

    /** The caller's API tokens, newest first. */
    public List<TokenView> tokens(Caller caller) {
        return jdbc.sql(
                        "select id, name, created_at, revoked_at from access.api_tokens where user_id = ? order by id desc")
                .param(caller.userId())
                .query((rs, n) -> new TokenView(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4))))
                .list();
    }

    /** Revokes one of the caller's API tokens; it stops working at once. */
    @Transactional
    public void revokeToken(Caller caller, long tokenId) {
        int n = jdbc.sql(
                        "update access.api_tokens set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now(clock)), tokenId, caller.userId())
                .update();
        if (n != 1) {
            throw new UnknownToken(tokenId);
        }
        cache.forgetToken(tokenId);
        access.audit(caller, "TOKEN_REVOKED", "USER", caller.username(), Long.toString(tokenId));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** No such user in the administrator's jurisdiction (HTTP 404). */
    public static class UnknownUser extends Refusal {
        UnknownUser(String username) {
            super(Kind.NOT_FOUND, "user.not_found", "您的辖区内没有用户 " + username);
        }
    }

    /** No such unrevoked token of the caller (HTTP 404). */
    public static class UnknownToken extends Refusal {
        UnknownToken(long id) {
            super(Kind.NOT_FOUND, "token.not_found", "没有编号为 %d 的有效 API 令牌".formatted(id));
        }
    }
}
