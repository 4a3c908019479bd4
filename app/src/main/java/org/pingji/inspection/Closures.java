package org.pingji.inspection;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.pingji.access.Caller;
import org.pingji.inspection.InspectionManagement.ClosureView;
import org.pingji.inspection.InspectionManagement.EntityView;
import org.pingji.platform.CountyTime;
import org.pingji.platform.PlaceClosures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The top of the escalation ladder: interviews (约谈), numbered supervision letters (督办函),
 * closures (查封) with the order's document, commitments (承诺书) and reopening. A closed
 * entity's place refuses check-ins through {@link PlaceClosures}.
 */
@Component
class Closures implements PlaceClosures {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Inspections inspections;
    private final CountyTime time;
    private final Clock clock;

    Closures(JdbcClient jdbc, Directory directory, Inspections inspections, CountyTime time, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.inspections = inspections;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public Optional<String> closedReason(long placeId) {
        return jdbc.sql(
                        """
                        select c.reason from inspection.entities e join inspection.closures c on c.entity_id = e.id
                        where e.place_id = ? and e.state = 'CLOSED' and c.reopened_at is null
                        order by c.closed_at desc limit 1""")
                .param(placeId)
                .query(String.class)
                .optional();
    }

    private Optional<ClosureView> openClosure(long entityId) {
        return jdbc.sql(
                        """
                        select c.id, c.reason, c.document, c.closed_at, c.closed_by,
                               (select count(*) from inspection.commitments m where m.closure_id = c.id)
                        from inspection.closures c where c.entity_id = ? and c.reopened_at is null
                        order by c.closed_at desc limit 1""")
                .param(entityId)
                .query((rs, n) -> new ClosureView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getInt(6)))
                .optional();
    }

    Optional<ClosureView> current(Caller caller, long entityId) {
        directory.entity(caller, entityId);
        return openClosure(entityId);
    }

    ClosureView close(Caller caller, long entityId, String reason, String document) {
        EntityView entity = directory.entity(caller, entityId);
        if (reason == null || reason.isBlank()) {
            throw InspectionRefused.invalid("reason_required", "请填写查封理由");
        }
        if (document == null || document.isBlank()) {
            throw InspectionRefused.invalid("document_required", "请填写查封决定书文号");
        }
        if (entity.state().equals("CLOSED")) {
            throw InspectionRefused.conflict("already_closed", "「%s」已被查封".formatted(entity.name()));
        }
        jdbc.sql(
                        "insert into inspection.closures (entity_id, reason, document, closed_at, closed_by) values (?, ?, ?, ?, ?)")
                .params(entityId, reason.trim(), document.trim(), Timestamp.from(Instant.now(clock)), caller.username())
                .update();
        jdbc.sql("update inspection.entities set state = 'CLOSED' where id = ?")
                .param(entityId)
                .update();
        return openClosure(entityId).orElseThrow();
    }

    long commit(Caller caller, long entityId, String filename, byte[] bytes) {
        EntityView entity = directory.entity(caller, entityId);
        ClosureView closure = openClosure(entityId)
                .orElseThrow(() -> InspectionRefused.conflict("not_closed", "「%s」未被查封，无需承诺书".formatted(entity.name())));
        Media.Kind kind = Media.require(bytes, Set.of(Media.Kind.IMAGE, Media.Kind.PDF, Media.Kind.VIDEO), "file");
        return jdbc.sql(
                        """
                        insert into inspection.commitments (entity_id, closure_id, filename, content_type, size, content, uploaded_at, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        entityId,
                        closure.id(),
                        filename == null || filename.isBlank() ? "承诺书" : filename,
                        kind.mediaType(bytes),
                        bytes.length,
                        bytes,
                        Timestamp.from(Instant.now(clock)),
                        caller.username())
                .query(Long.class)
                .single();
    }

    void reopen(Caller caller, long entityId) {
        EntityView entity = directory.entity(caller, entityId);
        ClosureView closure = openClosure(entityId)
                .orElseThrow(() -> InspectionRefused.conflict("not_closed", "「%s」未被查封".formatted(entity.name())));
        if (closure.commitments() == 0) {
            throw InspectionRefused.conflict("no_commitment", "「%s」尚未提交书面或视频承诺书，不得解封".formatted(entity.name()));
        }
        if (!inspections.passedAfter(entityId, closure.closedAt())) {
            throw InspectionRefused.conflict("no_reinspection", "「%s」查封后尚无通过的复查，不得解封".formatted(entity.name()));
        }
        jdbc.sql("update inspection.closures set reopened_at = ?, reopened_by = ? where id = ?")
                .params(Timestamp.from(Instant.now(clock)), caller.username(), closure.id())
                .update();
        jdbc.sql("update inspection.entities set state = 'OPEN' where id = ?")
                .param(entityId)
                .update();
    }

    long interview(Caller caller, long entityId, String attendees, String agreed) {
        directory.entity(caller, entityId);
        if (attendees == null || attendees.isBlank() || agreed == null || agreed.isBlank()) {
            throw InspectionRefused.invalid("interview_incomplete", "请填写约谈参加人员和约谈事项");
        }
        return jdbc.sql(
                        """
                        insert into inspection.interviews (entity_id, at, attendees, agreed, recorded_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(
                        entityId,
                        Timestamp.from(Instant.now(clock)),
                        attendees.trim(),
                        agreed.trim(),
                        caller.username())
                .query(Long.class)
                .single();
    }

    /** Issues a numbered letter (乡防督〔year〕n号); returns its number. */
    String letter(Caller caller, long entityId, String content, LocalDate replyDue) {
        directory.entity(caller, entityId);
        if (content == null || content.isBlank()) {
            throw InspectionRefused.invalid("content_required", "请填写督办事项");
        }
        LocalDate today = LocalDate.now(clock.withZone(time.zone()));
        LocalDate due = replyDue == null ? Inspections.workingDaysAfter(today, 5) : replyDue;
        if (due.isBefore(today)) {
            throw InspectionRefused.invalid("reply_due", "回复期限不能早于今天");
        }
        int year = today.getYear();
        int next = jdbc.sql("select count(*) from inspection.letters where number like ?")
                        .param("乡防督〔" + year + "〕%")
                        .query(Integer.class)
                        .single()
                + 1;
        String number = "乡防督〔%d〕%d号".formatted(year, next);
        jdbc.sql(
                        """
                        insert into inspection.letters (number, entity_id, issued_at, reply_due, content, issued_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        number,
                        entityId,
                        Timestamp.from(Instant.now(clock)),
                        Date.valueOf(due),
                        content.trim(),
                        caller.username())
                .update();
        return number;
    }
}
