package org.pingji.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingji.arrival.Arrivals.ArrivalRisk;
import org.pingji.policy.PolicyEdition;
import org.pingji.policy.PolicyEditions;
import org.pingji.risk.RiskAreas;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Judges arrivals on read: the risk windows of the last months held in memory (reloaded when the
 * risk version moves) and the edition in force at each arrival.
 */
@Component
class ArrivalRisks {

    private record CachedMatcher(long version, RiskMatcher matcher) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PolicyEditions policy;
    private final RiskAreas risk;
    private volatile CachedMatcher matcher;

    ArrivalRisks(JdbcClient jdbc, Clock clock, PolicyEditions policy, RiskAreas risk) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
        this.risk = risk;
    }

    /** The risk windows of the last months, reloaded when the risk version moves. */
    RiskMatcher matcher() {
        long v = risk.version();
        CachedMatcher m = matcher;
        if (m == null || m.version() != v) {
            m = new CachedMatcher(
                    v,
                    new RiskMatcher(
                            risk.windowsSince(clock.instant().minus(ArrivalMeasures.LOOKBACK.multipliedBy(2)))));
            matcher = m;
        }
        return m.matcher();
    }

    List<ArrivalRisk> risksOf(Collection<Long> personIds, Instant at) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        RiskMatcher m = matcher();
        Map<String, PolicyEdition> editions = new HashMap<>();
        List<ArrivalRisk> out = new ArrayList<>();
        jdbc.sql(
                        """
                        select id, person_id, origin_code, departed_at, arrived_at from arrival.arrivals
                         where person_id = any(?) and arrived_at >= ? and arrived_at <= ?""")
                .params(
                        personIds.toArray(Long[]::new),
                        Timestamp.from(at.minus(ArrivalMeasures.LOOKBACK)),
                        Timestamp.from(at))
                .query(rs -> {
                    Instant departed = rs.getTimestamp(4).toInstant();
                    Instant arrived = rs.getTimestamp(5).toInstant();
                    PolicyEdition edition = editionOn(editions, arrived);
                    RiskMatcher.Match match =
                            m.classify(rs.getString(3), departed, arrived, edition.travelHistoryDays());
                    if (match.window() == null) {
                        return;
                    }
                    Instant since = ArrivalMeasures.start(arrived, match);
                    Instant until = arrived.plus(Duration.ofDays(edition.travelHistoryDays()));
                    if (since.isAfter(at) || !until.isAfter(at)) {
                        return;
                    }
                    out.add(new ArrivalRisk(
                            rs.getLong(1),
                            rs.getLong(2),
                            match.exposure(),
                            match.window().areaText(),
                            match.window().level().label(),
                            since,
                            until,
                            edition.reference()));
                });
        return out;
    }

    /** The edition in force on the arrival's (Beijing) day, looked up once per day. */
    PolicyEdition editionOn(Map<String, PolicyEdition> editions, Instant arrived) {
        return editions.computeIfAbsent(
                arrived.atZone(Arrivals.BEIJING).toLocalDate().toString(), k -> policy.inForce(arrived));
    }
}
