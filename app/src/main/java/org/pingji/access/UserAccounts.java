package org.pingji.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads users for login and applies the lockout after repeated failed logins. */
@Component
class UserAccounts implements UserDetailsService {

    private static final String COLUMNS =
            "u.id, u.username, u.display_name, u.role, u.jurisdiction_code, u.jurisdiction_path, u.password_hash, u.enabled, u.locked_until";

    private final JdbcClient jdbc;
    private final AccessSettings settings;
    private final Clock clock;

    private final CredentialCache cache;

    UserAccounts(JdbcClient jdbc, AccessSettings settings, Clock clock, CredentialCache cache) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public UserAccount loadUserByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from access.users u where u.username = ?")
                .param(username)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }

    /** An unrevoked API token and the user holding it. */
    record TokenHolder(long tokenId, UserAccount account) {}

    /** The user holding an unrevoked API token with this SHA-256. */
    Optional<TokenHolder> byTokenHash(byte[] tokenHash) {
        return jdbc.sql("select " + COLUMNS
                        + ", t.id from access.api_tokens t join access.users u on u.id = t.user_id"
                        + " where t.token_hash = ? and t.revoked_at is null")
                .param(tokenHash)
                .query((rs, n) -> new TokenHolder(rs.getLong(10), map(rs, n)))
                .optional();
    }

    private UserAccount map(ResultSet rs, int row) throws SQLException {
        Caller caller = new Caller(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Role.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6));
        Timestamp locked = rs.getTimestamp(9);
        return new UserAccount(
                caller,
                rs.getString(7),
                rs.getBoolean(8),
                locked == null ? null : locked.toInstant(),
                Instant.now(clock));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        Instant now = Instant.now(clock);
        Instant lockUntil = now.plus(settings.lockout());
        // A lockout drops the user's verified credentials at once: the cached right password too.
        jdbc
                .sql(
                        """
                        update access.users set failed_logins = failed_logins + 1,
                          locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                        where username = ? returning id, locked_until > ?""")
                .params(settings.maxFailedLogins(), Timestamp.from(lockUntil), username, Timestamp.from(now))
                .query((rs, n) -> rs.getBoolean(2) ? rs.getLong(1) : -1L)
                .list()
                .stream()
                .filter(id -> id >= 0)
                .forEach(cache::forgetUser);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserAccount account) {
            jdbc.sql(
                            "update access.users set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")
                    .param(account.caller().userId())
                    .update();
        }
    }
}
