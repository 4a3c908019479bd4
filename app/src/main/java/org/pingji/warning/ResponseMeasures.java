package org.pingji.warning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CIDARS response measures per responsible unit: the share of signals answered (初步核实
 * recorded), the share answered within 24 h of being raised, and the median time to answer.
 */
@Component
class ResponseMeasures {

    /**
     * One unit's measures over the signals raised since {@code since}.
     *
     * @param medianHours median hours from raised to answered over the answered signals, null when none
     */
    record UnitMeasures(String unit, int signals, int answered, int within24h, Double medianHours) {
        public double answeredShare() {
            return signals == 0 ? 0 : (double) answered / signals;
        }

        public double within24hShare() {
            return signals == 0 ? 0 : (double) within24h / signals;
        }
    }

    private final JdbcClient jdbc;

    ResponseMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per unit of the jurisdiction, the whole jurisdiction last (unit {@code 合计}). */
    List<UnitMeasures> measures(Caller caller, Instant since) {
        caller.require(Permission.SIGNAL_ANALYSE);
        return jdbc.sql(
                        """
                        select coalesce(duty_unit, '未排班') as unit, grouping(coalesce(duty_unit, '未排班')) as total,
                               count(*) as signals, count(answered_at) as answered,
                               count(*) filter (where answered_at <= raised_at + interval '24 hours') as within24h,
                               percentile_cont(0.5) within group (
                                   order by extract(epoch from answered_at - raised_at) / 3600.0)
                                   filter (where answered_at is not null) as median_hours
                        from warning.alerts where path like ? and raised_at >= ?
                        group by rollup (coalesce(duty_unit, '未排班'))
                        order by total, unit""")
                .params(caller.pathPattern(), Timestamp.from(since))
                .query((rs, n) -> new UnitMeasures(
                        rs.getInt("total") == 1 ? "合计" : rs.getString("unit"),
                        rs.getInt("signals"),
                        rs.getInt("answered"),
                        rs.getInt("within24h"),
                        rs.getObject("median_hours") == null ? null : rs.getDouble("median_hours")))
                .list();
    }
}
