package org.pingji.inspection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.pingji.inspection.PastSupervision.PastClosure;
import org.pingji.inspection.PastSupervision.PastFinding;
import org.pingji.inspection.PastSupervision.PastInspection;
import org.pingji.inspection.PastSupervision.PastInterview;
import org.pingji.inspection.PastSupervision.PastLetter;
import org.pingji.platform.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Bulk loading of past supervision (the demo county's history) with COPY. */
@Component
class History {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    History(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    private long[] ids(String sequence, int n) {
        return jdbc
                .sql("select nextval(?) from generate_series(1, ?)")
                .params(sequence, n)
                .query(Long.class)
                .list()
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
    }

    private static String ts(Instant at) {
        return Timestamp.from(at).toInstant().toString();
    }

    void load(
            List<PastInspection> inspections,
            List<PastClosure> closures,
            List<PastInterview> interviews,
            List<PastLetter> letters,
            String recordedBy) {
        long[] ids = ids("inspection.inspections_id_seq", inspections.size());
        var inspectionRows = new PgCopy.Rows();
        var resultRows = new PgCopy.Rows();
        var findingRows = new PgCopy.Rows();
        for (int i = 0; i < ids.length; i++) {
            PastInspection p = inspections.get(i);
            inspectionRows
                    .field(ids[i])
                    .field(p.entityId())
                    .field(p.checklistId())
                    .field("{" + p.inspectorA() + "," + p.inspectorB() + "}")
                    .field(ts(p.at()))
                    .field(p.kind())
                    .field(p.findings().isEmpty() ? "t" : "f")
                    .field(recordedBy)
                    .field(ts(p.at()))
                    .end();
            for (PastFinding f : p.findings()) {
                resultRows
                        .field(ids[i])
                        .field(f.itemId())
                        .field("FAIL")
                        .field(null)
                        .end();
                findingRows
                        .field(ids[i])
                        .field(p.entityId())
                        .field(f.itemId())
                        .field(f.deadline())
                        .field(f.deadline())
                        .field(f.rectifiedAt() == null ? "OPEN" : "RECTIFIED")
                        .field(f.rectifiedAt() == null ? null : ts(f.rectifiedAt()))
                        .end();
            }
        }
        PgCopy.copy(
                dataSource,
                "inspection.inspections (id, entity_id, checklist_id, inspectors, at, kind, passed, recorded_by, recorded_at)",
                inspectionRows);
        PgCopy.copy(dataSource, "inspection.results (inspection_id, item_id, outcome, note)", resultRows);
        PgCopy.copy(
                dataSource,
                "inspection.findings (inspection_id, entity_id, item_id, deadline, reinspect_on, state, rectified_at)",
                findingRows);
        var closureRows = new PgCopy.Rows();
        for (PastClosure c : closures) {
            closureRows
                    .field(c.entityId())
                    .field(c.reason())
                    .field(c.document())
                    .field(ts(c.closedAt()))
                    .field(recordedBy)
                    .field(c.reopenedAt() == null ? null : ts(c.reopenedAt()))
                    .field(c.reopenedAt() == null ? null : recordedBy)
                    .end();
        }
        PgCopy.copy(
                dataSource,
                "inspection.closures (entity_id, reason, document, closed_at, closed_by, reopened_at, reopened_by)",
                closureRows);
        jdbc.sql(
                        """
                        update inspection.entities e set state = 'CLOSED' where exists
                          (select 1 from inspection.closures c where c.entity_id = e.id and c.reopened_at is null)""")
                .update();
        var interviewRows = new PgCopy.Rows();
        interviews.forEach(x -> interviewRows
                .field(x.entityId())
                .field(ts(x.at()))
                .field(x.attendees())
                .field(x.agreed())
                .field(recordedBy)
                .end());
        PgCopy.copy(dataSource, "inspection.interviews (entity_id, at, attendees, agreed, recorded_by)", interviewRows);
        var letterRows = new PgCopy.Rows();
        letters.forEach(x -> letterRows
                .field(x.number())
                .field(x.entityId())
                .field(ts(x.issuedAt()))
                .field(x.replyDue())
                .field(x.content())
                .field(recordedBy)
                .end());
        PgCopy.copy(
                dataSource,
                "inspection.letters (number, entity_id, issued_at, reply_due, content, issued_by)",
                letterRows);
    }
}
