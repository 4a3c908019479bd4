package org.pingji.access;

import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Facade of the access module: users, API tokens and the audit log. */
@Service
public class AccessManagement {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final JurisdictionDirectory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessManagement(JdbcClient jdbc, PasswordEncoder passwords, JurisdictionDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.directory = directory;
        this.clock = clock;
    }

    /** A user to create: the jurisdiction is a region code that must exist. */
    public record NewUser(String username, String displayName, String password, Role role, String jurisdictionCode) {}

    /**
     * Creates a user on behalf of an administrator: the jurisdiction must lie inside the
     * administrator's own and the username must be unused. Audited.
     */
    @Transactional
    public long createUser(Caller admin, NewUser user) {
        admin.require(Permission.ADMINISTER);
        String path = directory
                .pathOf(user.jurisdictionCode())
                .orElseThrow(
                        () -> new IllegalArgumentException("jurisdictionCode: 未知的区划代码 " + user.jurisdictionCode()));
        admin.requireCovers(path, "辖区 " + user.jurisdictionCode());
        boolean taken = jdbc.sql("select exists(select 1 from access.users where username = ?)")
                .param(user.username())
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new IllegalArgumentException("username: 用户名 %s 已存在".formatted(user.username()));
        }
        long id = createUserWithHash(user, passwords.encode(user.password()));
        audit(admin, "USER_CREATED", "USER", user.username(), user.role() + " " + user.jurisdictionCode());
        return id;
    }

    /**
     * Creates many users that share one already-hashed password (the demo county's accounts,
     * where hashing the same demo password 400 times would only slow the start).
     */
    @Transactional
    public void createUsersWithSharedPassword(List<NewUser> users, String password) {
        String hash = passwords.encode(password);
        users.forEach(u -> createUserWithHash(u, hash));
    }

    private long createUserWithHash(NewUser user, String hash) {
        if (user.username() == null || !user.username().matches("[A-Za-z0-9_.-]{2,64}")) {
            throw new IllegalArgumentException("用户名“%s”须为 2 到 64 个字母、数字或 _ . -".formatted(user.username()));
        }
        String path = directory
                .pathOf(user.jurisdictionCode())
                .orElseThrow(() -> new IllegalArgumentException(
                        "用户 %2$s 的辖区编码 %1$s 不存在".formatted(user.jurisdictionCode(), user.username())));
        return jdbc.sql(
                        """
                        insert into access.users (username, display_name, password_hash, role, jurisdiction_code, jurisdiction_path)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(user.username(), user.displayName(), hash, user.role().name(), user.jurisdictionCode(), path)
                .query(Long.class)
                .single();
    }

    /** Number of users; the demo generator runs only while there are none. */
    public long userCount() {
        return jdbc.sql("select count(*) from access.users").query(Long.class).single();
    }

    /** A user as shown to others: no password, no lock state. */
    public record UserView(long id, String username, String displayName, Role role, String jurisdictionCode) {}

    /** Users whose jurisdiction lies inside the caller's, by role. */
    public List<UserView> usersWithRole(Caller caller, Role role) {
        return jdbc.sql(
                        """
                        select id, username, display_name, role, jurisdiction_code from access.users
                        where role = ? and jurisdiction_path like ? order by username""")
                .params(role.name(), caller.pathPattern())
                .query((rs, n) -> new UserView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Role.valueOf(rs.getString(4)),
                        rs.getString(5)))
                .list();
    }

    /**
     * Issues an API token for the caller: the token is shown once and only its SHA-256 is
     * stored. Use it as {@code Authorization: Bearer <token>}.
     */
    @Transactional
    public String issueApiToken(Caller caller, String name) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = "pj_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("insert into access.api_tokens (user_id, name, token_hash) values (?, ?, ?)")
                .params(caller.userId(), name, sha256(token))
                .update();
        audit(caller, "TOKEN_ISSUED", "USER", caller.username(), name);
        return token;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records a read or export of personal data: who, what, when and from where (the remote
     * address of the current request, if any).
     */
    public void audit(Caller caller, String action, String subjectType, String subjectId, String detail) {
        jdbc.sql(
                        """
                        insert into access.audit_log (at, username, role, action, subject_type, subject_id, detail, remote_addr)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        java.sql.Timestamp.from(Instant.now(clock)),
                        caller.username(),
                        caller.role().name(),
                        action,
                        subjectType,
                        subjectId,
                        detail,
                        remoteAddress())
                .update();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /** One audit entry. */
    public record AuditEntry(
            long id,
            Instant at,
            String username,
            String role,
            String action,
            String subjectType,
            String subjectId,
            String detail,
            String remoteAddr) {}

    /** A page of the audit log, newest first, optionally for one user. Admin only. */
    public List<AuditEntry> auditLog(Caller caller, String username, int page, int size) {
        caller.require(Permission.ADMINISTER);
        int limit = Math.clamp(size, 1, 500);
        return jdbc.sql(
                        """
                        select id, at, username, role, action, subject_type, subject_id, detail, remote_addr
                        from access.audit_log where (cast(? as text) is null or username = ?)
                        order by at desc, id desc limit ? offset ?""")
                .params(blankToNull(username), blankToNull(username), limit, (long) Math.max(page, 0) * limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Links a resident's account to their person record (demo set-up and user admin). */
    public void linkPerson(String username, long personId) {
        int n = jdbc.sql("update access.users set person_id = ? where username = ?")
                .params(personId, username)
                .update();
        if (n != 1) {
            throw new IllegalArgumentException("没有用户 " + username);
        }
    }

    /** The person record the caller's account belongs to, if linked. */
    public java.util.Optional<Long> personOf(Caller caller) {
        return jdbc.sql("select person_id from access.users where id = ?")
                .param(caller.userId())
                .query((rs, n) -> (Long) rs.getObject(1))
                .optional()
                .filter(java.util.Objects::nonNull);
    }
}
