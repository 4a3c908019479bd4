package org.pingji.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pingji.platform.SqlTimes;
import org.pingji.risk.RiskAreas.AreaInForce;
import org.pingji.risk.RiskAreas.Exposure;
import org.pingji.risk.RiskAreas.LevelVersion;
import org.pingji.risk.RiskAreas.NotFound;
import org.pingji.risk.RiskAreas.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The areas in force at an instant, an area's versions, and the exposure of an origin. */
@Component
class AreaQueries {

    private final JdbcClient jdbc;

    AreaQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Areas in force at the instant, at one level or all levels, most recently changed first. */
    List<AreaInForce> areasAt(RiskLevel level, Instant at) {
        return jdbc.sql(
                        """
                        select a.id, a.text, a.full_text, a.resolved_code, a.resolved_name, l.level,
                               l.effective_from, l.effective_to, l.notice_id
                          from risk.area_levels l join risk.areas a on a.id = l.area_id
                         where l.effective_from <= ? and (l.effective_to is null or l.effective_to > ?)
                           and (cast(? as text) is null or l.level = ?)
                         order by l.effective_from desc, a.id""")
                .params(
                        Timestamp.from(at),
                        Timestamp.from(at),
                        level == null ? null : level.name(),
                        level == null ? null : level.name())
                .query((rs, n) -> new AreaInForce(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        RiskLevel.valueOf(rs.getString(6)),
                        rs.getTimestamp(7).toInstant(),
                        SqlTimes.instant(rs, 8),
                        (Long) rs.getObject(9)))
                .list();
    }

    List<LevelVersion> history(long areaId) {
        List<LevelVersion> versions = jdbc.sql(
                        """
                        select level, effective_from, effective_to, notice_id, set_by, note
                          from risk.area_levels where area_id = ? order by effective_from, id""")
                .param(areaId)
                .query((rs, n) -> new LevelVersion(
                        RiskLevel.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(),
                        SqlTimes.instant(rs, 3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        if (versions.isEmpty()) {
            throw new NotFound("没有编号为 %d 的风险区".formatted(areaId));
        }
        return versions;
    }

    /**
     * The highest level (HIGH or MEDIUM) in force at any instant of [from, to] for an area that
     * covers the origin (its code is the origin's code or an ancestor of it).
     */
    Optional<Exposure> exposure(String originCode, Instant from, Instant to) {
        if (originCode == null || originCode.isEmpty()) {
            return Optional.empty();
        }
        List<String> prefixes = new ArrayList<>();
        for (int len : new int[] {2, 4, 6, 9, 12}) {
            if (originCode.length() >= len) {
                prefixes.add(originCode.substring(0, len));
            }
        }
        return jdbc.sql(
                        """
                        select l.level, a.id, a.full_text, a.resolved_code, l.effective_from, l.effective_to
                          from risk.areas a join risk.area_levels l on l.area_id = a.id
                         where a.resolved_code = any (?) and l.level in ('HIGH', 'MEDIUM')
                           and l.effective_from <= ? and (l.effective_to is null or l.effective_to > ?)
                         order by case l.level when 'HIGH' then 0 else 1 end, l.effective_from
                         limit 1""")
                .params(prefixes.toArray(String[]::new), Timestamp.from(to), Timestamp.from(from))
                .query((rs, n) -> new Exposure(
                        RiskLevel.valueOf(rs.getString(1)),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        SqlTimes.instant(rs, 6)))
                .optional();
    }

    /** True when any HIGH or MEDIUM area inside the origin's county was in force during [from, to]. */
    boolean countyHadRiskAreas(String originCode, Instant from, Instant to) {
        String county = Divisions.countyOf(originCode == null ? "" : originCode);
        if (county.isEmpty()) {
            return false;
        }
        return jdbc.sql(
                        """
                        select exists (select 1 from risk.areas a join risk.area_levels l on l.area_id = a.id
                         where a.resolved_code like ? and l.level in ('HIGH', 'MEDIUM')
                           and l.effective_from <= ? and (l.effective_to is null or l.effective_to > ?))""")
                .params(county + "%", Timestamp.from(to), Timestamp.from(from))
                .query(Boolean.class)
                .single();
    }

    /** Every HIGH or MEDIUM version still in force at or after the instant (for bulk matching). */
    List<Window> windowsSince(Instant since) {
        return jdbc.sql(
                        """
                        select a.resolved_code, l.level, l.effective_from, l.effective_to, a.full_text
                          from risk.area_levels l join risk.areas a on a.id = l.area_id
                         where l.level in ('HIGH', 'MEDIUM') and (l.effective_to is null or l.effective_to > ?)""")
                .param(Timestamp.from(since))
                .query((rs, n) -> new Window(
                        rs.getString(1),
                        RiskLevel.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        SqlTimes.instant(rs, 4),
                        rs.getString(5)))
                .list();
    }
}
