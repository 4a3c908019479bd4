package org.pingji.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.platform.SqlTimes;
import org.pingji.risk.RiskAreas.NotFound;
import org.pingji.risk.RiskAreas.Notice;
import org.pingji.risk.RiskAreas.NoticeSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Official notices kept for preview, revised until applied, read again on every look. */
@Component
class Notices {

    private final JdbcClient jdbc;
    private final NoticeParser parser;
    private final Clock clock;

    Notices(JdbcClient jdbc, NoticeParser parser, Clock clock) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.clock = clock;
    }

    Notice preview(Caller caller, String text, String source) {
        caller.require(Permission.RISK_MANAGE);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("公告内容为空");
        }
        if (text.length() > 5_000_000) {
            throw new IllegalArgumentException("公告过长（超过500万字）");
        }
        ParsedNotice parsed = parser.parse(text);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql(
                        """
                        insert into risk.notices (source, text, as_of, area_count, problem_count, created_by,
                                                  created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        source,
                        text,
                        SqlTimes.timestamp(parsed.asOf()),
                        parsed.areaCount(),
                        parsed.problems().size(),
                        caller.username(),
                        now,
                        now)
                .query(Long.class)
                .single();
        return notice(caller, id);
    }

    /** Replaces a notice's text after a fix and reads it again; only before it is applied. */
    Notice revise(Caller caller, long id, String text) {
        caller.require(Permission.RISK_MANAGE);
        Notice old = notice(caller, id);
        if (old.state().equals("APPLIED")) {
            throw new RiskRefused("公告 %d 已发布生效，不能再修改；请粘贴新的公告".formatted(id));
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("公告内容为空");
        }
        ParsedNotice parsed = parser.parse(text);
        jdbc.sql(
                        """
                        update risk.notices set text = ?, as_of = ?, area_count = ?, problem_count = ?, updated_at = ?
                         where id = ?""")
                .params(
                        text,
                        SqlTimes.timestamp(parsed.asOf()),
                        parsed.areaCount(),
                        parsed.problems().size(),
                        Timestamp.from(clock.instant()),
                        id)
                .update();
        return notice(caller, id);
    }

    Notice notice(Caller caller, long id) {
        caller.require(Permission.REGION_READ);
        return jdbc.sql(
                        """
                        select id, source, state, text, created_at, created_by, applied_at, applied_by
                          from risk.notices where id = ?""")
                .param(id)
                .query((rs, n) -> new Notice(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        SqlTimes.instant(rs, 7),
                        rs.getString(8),
                        parser.parse(rs.getString(4))))
                .optional()
                .orElseThrow(() -> new NotFound("没有编号为 %d 的公告".formatted(id)));
    }

    List<NoticeSummary> notices(Caller caller) {
        caller.require(Permission.REGION_READ);
        return jdbc.sql(
                        """
                        select id, source, state, as_of, area_count, problem_count, created_at
                          from risk.notices order by id desc limit 200""")
                .query((rs, n) -> new NoticeSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        SqlTimes.instant(rs, 4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }
}
