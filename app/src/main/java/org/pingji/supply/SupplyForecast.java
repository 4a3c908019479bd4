package org.pingji.supply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.supply.SupplyViews.Forecast;
import org.pingji.supply.SupplyViews.ForecastRow;
import org.pingji.testing.RoundView;
import org.pingji.testing.TestingManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Days of cover: usable stock on hand in the region's warehouses over the mean daily issues of
 * the last 14 days; for swabs (one per person) and tubes (one per pool) also the number of full
 * testing rounds of the region's population the stock covers at the newest round's pool size
 * (10-in-1 assumed when no round is recorded).
 */
@Component
class SupplyForecast {

    static final int DAYS = 14;
    static final int DEFAULT_POOL = 10;

    private final JdbcClient jdbc;
    private final StockLedger ledger;
    private final GridManagement grid;
    private final TestingManagement testing;
    private final Clock clock;

    SupplyForecast(JdbcClient jdbc, StockLedger ledger, GridManagement grid, TestingManagement testing, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.grid = grid;
        this.testing = testing;
        this.clock = clock;
    }

    Forecast forecast(Caller caller, Region region) {
        List<RoundView> rounds = caller.can(Permission.REGION_READ) ? testing.rounds(caller) : List.of();
        int pool = rounds.isEmpty() ? DEFAULT_POOL : rounds.getFirst().poolSize();
        long population = caller.can(Permission.REGION_READ)
                ? grid.summary(caller, region.code()).population()
                : 0;
        String assumption = rounds.isEmpty()
                ? "未找到检测轮次，按%d混1计；人口%d取自网格台账；每人1支采样拭子，每管1支采样管".formatted(pool, population)
                : "按最新轮次「%s」%d混1计；人口%d取自网格台账；每人1支采样拭子，每管1支采样管"
                        .formatted(rounds.getFirst().name(), pool, population);
        record Row(long itemId, String name, String unit, String roundUse, BigDecimal onHand, BigDecimal issued) {}
        Instant since = Instant.now(clock).minus(DAYS, ChronoUnit.DAYS);
        List<ForecastRow> rows = jdbc
                .sql(
                        """
                        select i.id as item_id, i.name, i.unit, i.round_use,
                               coalesce(s.on_hand, 0) as on_hand, coalesce(u.issued, 0) as issued
                        from supply.items i
                        left join (
                            select b.item_id, sum(b.quantity) as on_hand
                            from supply.balances b join supply.warehouses w on w.id = b.warehouse_id
                            where w.region_path like :p and (b.expires_on is null or b.expires_on > :today)
                            group by b.item_id) s on s.item_id = i.id
                        left join (
                            select g.item_id, -sum(g.quantity) as issued
                            from supply.ledger g join supply.warehouses w on w.id = g.warehouse_id
                            where g.kind = 'ISSUE' and g.at >= :since and w.region_path like :p
                            group by g.item_id) u on u.item_id = i.id
                        where s.on_hand is not null or u.issued is not null
                        order by (i.round_use is null), i.code""")
                .param("p", region.path() + "%")
                .param("today", java.sql.Date.valueOf(ledger.today()))
                .param("since", Timestamp.from(since))
                .query(Row.class)
                .list()
                .stream()
                .map(r -> {
                    BigDecimal daily = r.issued().divide(BigDecimal.valueOf(DAYS), 2, RoundingMode.HALF_UP);
                    BigDecimal cover = daily.signum() == 0 ? null : r.onHand().divide(daily, 1, RoundingMode.HALF_DOWN);
                    Long rounds2 = fullRounds(r.roundUse(), r.onHand(), population, pool);
                    return new ForecastRow(r.itemId(), r.name(), r.unit(), r.onHand(), daily, cover, rounds2);
                })
                .toList();
        return new Forecast(region.code(), pool, population, assumption, rows);
    }

    /** Full rounds the stock covers: one swab per person, one tube per pool of {@code pool} persons. */
    static Long fullRounds(String roundUse, BigDecimal onHand, long population, int pool) {
        if (roundUse == null || population <= 0) {
            return null;
        }
        long perRound = roundUse.equals("PERSON") ? population : (population + pool - 1) / pool;
        return onHand.longValue() / perRound;
    }
}
