package org.pingji.notice;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notices, their versions and recipients in schema {@code notice}. */
@Repository
class NoticeStore {

    /** A staff user a published notice is addressed to. */
    record Recipient(long userId, String username, String displayName, String regionCode, String regionPath) {}

    /** A recipient's receipt. */
    record Receipt(
            long userId,
            String username,
            String displayName,
            String regionCode,
            Instant notifiedAt,
            Instant readAt,
            Instant escalatedAt,
            String escalatedTo) {}

    private static final String VIEW =
            """
            select n.id, n.kind, n.emergency, n.is_public, n.state, n.region_codes, n.roles, n.author_username,
                   n.author_name, n.created_at, n.published_at, n.changed_at, v.version, v.title, v.body, v.approved_by,
                   exists (select 1 from notice.versions p where p.notice_id = n.id and p.approved_by is null
                           and p.version > 1) as pending
            from notice.notices n
            join notice.versions v on v.notice_id = n.id and v.version = (
                select coalesce(max(a.version) filter (where a.approved_by is not null), 1)
                from notice.versions a where a.notice_id = n.id)
            """;

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            NoticeKind kind,
            boolean emergency,
            boolean isPublic,
            List<String> regionCodes,
            List<String> regionPaths,
            List<String> roles,
            long authorId,
            String authorUsername,
            String authorName,
            String title,
            String body,
            Instant now) {
        long id = jdbc.sql(
                        """
                        insert into notice.notices (kind, emergency, is_public, state, region_codes, region_paths, roles,
                            author_id, author_username, author_name, created_at, changed_at)
                        values (?, ?, ?, 'DRAFT', ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?) returning id""")
                .params(
                        kind.name(),
                        emergency,
                        isPublic,
                        pgArray(regionCodes),
                        pgArray(regionPaths),
                        pgArray(roles),
                        authorId,
                        authorUsername,
                        authorName,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        addVersion(id, 1, "ALERT", title, body, authorUsername, now);
        return id;
    }

    void addVersion(long id, int version, String messageType, String title, String body, String by, Instant now) {
        jdbc.sql(
                        """
                        insert into notice.versions (notice_id, version, message_type, title, body, written_by, written_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, messageType, title, body, by, Timestamp.from(now))
                .update();
    }

    /** The latest version awaiting approval, if any. */
    Optional<NoticeView.Version> pendingVersion(long id) {
        return versions(id).stream().filter(v -> v.approvedBy() == null).reduce((a, b) -> b);
    }

    void approveVersion(long id, int version, String by, Instant now) {
        jdbc.sql("update notice.versions set approved_by = ?, approved_at = ? where notice_id = ? and version = ?")
                .params(by, Timestamp.from(now), id, version)
                .update();
    }

    int lastVersion(long id) {
        return jdbc.sql("select max(version) from notice.versions where notice_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    void setState(long id, NoticeState state, Instant now, boolean publishing) {
        jdbc.sql(
                        """
                        update notice.notices set state = ?, changed_at = ?,
                            published_at = case when ? then coalesce(published_at, ?) else published_at end
                        where id = ?""")
                .params(state.name(), Timestamp.from(now), publishing, Timestamp.from(now), id)
                .update();
    }

    /** Locks the notice row for a state change and returns its view. */
    Optional<NoticeView> lock(long id) {
        jdbc.sql("select id from notice.notices where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional();
        return find(id);
    }

    Optional<NoticeView> find(long id) {
        return jdbc.sql(VIEW + " where n.id = ?")
                .param(id)
                .query(NoticeStore::view)
                .optional();
    }

    /** The region paths a notice targets. */
    List<String> regionPaths(long id) {
        return jdbc.sql("select region_paths from notice.notices where id = ?")
                .param(id)
                .query((rs, n) -> strings(rs.getArray(1)))
                .single();
    }

    /**
     * NoticeStore the user is addressed to or may manage: received ones, written ones, and (for those
     * who write or approve) every notice whose regions all lie in the jurisdiction; newest first.
     */
    List<NoticeView> visibleTo(long userId, String username, boolean manager, String pathPattern, int limit) {
        return jdbc.sql(
                        VIEW
                                + """
                                where exists (select 1 from notice.recipients r where r.notice_id = n.id and r.user_id = ?)
                                   or n.author_username = ?
                                   or (? and not exists (select 1 from unnest(n.region_paths) p where p not like ?))
                                order by n.changed_at desc, n.id desc limit ?""")
                .params(userId, username, manager, pathPattern, limit)
                .query(NoticeStore::view)
                .list();
    }

    /** Public notices that have been published, newest first (cancelled ones included, marked so). */
    List<NoticeView> publicNotices(boolean inForceOnly, int limit) {
        return jdbc.sql(
                        VIEW
                                + """
                                where n.is_public and n.state <> 'DRAFT'
                                  and (not ? or n.state in ('PUBLISHED', 'UPDATED'))
                                order by n.changed_at desc, n.id desc limit ?""")
                .params(inForceOnly, limit)
                .query(NoticeStore::view)
                .list();
    }

    List<NoticeView.Version> versions(long id) {
        return jdbc.sql(
                        """
                        select version, message_type, title, body, written_by, written_at, approved_by, approved_at
                        from notice.versions where notice_id = ? order by version""")
                .param(id)
                .query((rs, n) -> new NoticeView.Version(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        instant(rs, 8)))
                .list();
    }

    /** Addresses the notice to the recipients (once each); an update makes everyone read it again. */
    void address(long id, List<Recipient> recipients, Instant now) {
        jdbc.sql("update notice.recipients set read_at = null, notified_at = ? where notice_id = ?")
                .params(Timestamp.from(now), id)
                .update();
        for (Recipient r : recipients) {
            jdbc.sql(
                            """
                            insert into notice.recipients (notice_id, user_id, username, display_name, region_code,
                                region_path, notified_at) values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (notice_id, user_id) do nothing""")
                    .params(
                            id,
                            r.userId(),
                            r.username(),
                            r.displayName(),
                            r.regionCode(),
                            r.regionPath(),
                            Timestamp.from(now))
                    .update();
        }
    }

    List<Long> recipientIds(long id) {
        return jdbc.sql("select user_id from notice.recipients where notice_id = ?")
                .param(id)
                .query(Long.class)
                .list();
    }

    boolean isRecipient(long id, long userId) {
        return jdbc.sql("select count(*) from notice.recipients where notice_id = ? and user_id = ?")
                        .params(id, userId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Marks the receipt read; false when it was already read. */
    boolean markRead(long id, long userId, Instant now) {
        return jdbc.sql(
                                "update notice.recipients set read_at = ? where notice_id = ? and user_id = ? and read_at is null")
                        .params(Timestamp.from(now), id, userId)
                        .update()
                == 1;
    }

    Optional<Instant> readAt(long id, long userId) {
        return jdbc.sql("select read_at from notice.recipients where notice_id = ? and user_id = ?")
                .params(id, userId)
                .query((rs, n) -> Optional.ofNullable(instant(rs, 1)))
                .optional()
                .flatMap(o -> o);
    }

    List<Receipt> receipts(long id) {
        return jdbc.sql(
                        """
                        select user_id, username, display_name, region_code, notified_at, read_at, escalated_at,
                               escalated_to
                        from notice.recipients where notice_id = ? order by region_path, username""")
                .param(id)
                .query((rs, n) -> new Receipt(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        instant(rs, 6),
                        instant(rs, 7),
                        rs.getString(8)))
                .list();
    }

    int unreadCount(long userId) {
        return jdbc.sql(
                        """
                        select count(*) from notice.recipients r join notice.notices n on n.id = r.notice_id
                        where r.user_id = ? and r.read_at is null and n.state in ('PUBLISHED', 'UPDATED')""")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    /** An unread receipt of an emergency notice in force, notified before the cut-off, not yet escalated. */
    record Overdue(long noticeId, String title, long userId, String username, String displayName, String regionPath) {}

    List<Overdue> overdueEmergencies(Instant notifiedBefore) {
        return jdbc.sql(
                        """
                        select r.notice_id, v.title, r.user_id, r.username, r.display_name, r.region_path
                        from notice.recipients r join notice.notices n on n.id = r.notice_id
                        join notice.versions v on v.notice_id = n.id and v.version = 1
                        where n.emergency and n.state in ('PUBLISHED', 'UPDATED') and r.read_at is null
                          and r.escalated_at is null and r.notified_at < ?
                        order by r.notice_id, r.user_id limit 500""")
                .param(Timestamp.from(notifiedBefore))
                .query((rs, n) -> new Overdue(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    void escalated(long noticeId, long userId, String leader, Instant now) {
        jdbc.sql(
                        """
                        update notice.recipients set escalated_at = ?, escalated_to = ?
                        where notice_id = ? and user_id = ? and escalated_at is null""")
                .params(Timestamp.from(now), leader, noticeId, userId)
                .update();
    }

    /** Escalations sent to the leader: who has not read which emergency notice. */
    record EscalationView(long noticeId, String title, String username, String displayName, Instant escalatedAt) {}

    List<EscalationView> escalationsTo(String leader) {
        return jdbc.sql(
                        """
                        select r.notice_id, v.title, r.username, r.display_name, r.escalated_at
                        from notice.recipients r join notice.notices n on n.id = r.notice_id
                        join notice.versions v on v.notice_id = n.id and v.version = 1
                        where r.escalated_to = ? and r.read_at is null and n.state in ('PUBLISHED', 'UPDATED')
                        order by r.escalated_at desc limit 100""")
                .param(leader)
                .query((rs, n) -> new EscalationView(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)))
                .list();
    }

    private static NoticeView view(ResultSet rs, int n) throws SQLException {
        return new NoticeView(
                rs.getLong(1),
                NoticeKind.valueOf(rs.getString(2)),
                rs.getBoolean(3),
                rs.getBoolean(4),
                NoticeState.valueOf(rs.getString(5)),
                strings(rs.getArray(6)),
                strings(rs.getArray(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                instant(rs, 11),
                rs.getTimestamp(12).toInstant(),
                rs.getInt(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                rs.getBoolean(17));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A text-array literal ({@code {"a","b"}}) for a {@code ?::text[]} parameter. */
    private static String pgArray(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append('}').toString();
    }
}
