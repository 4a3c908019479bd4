package org.pingji.supply;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pingji.supply.StockLedger.Kind;
import org.pingji.supply.SupplyViews.Allocation;
import org.pingji.supply.SupplyViews.Pick;
import org.pingji.supply.SupplyViews.Shortfall;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Allocates a requisition's open lines from stock: the usable balance rows of its items are locked
 * in one fixed order (warehouse, lot) so that parallel allocations queue instead of deadlocking
 * or over-issuing, then each line takes from the nearest warehouse first (the requester's
 * township, then the county, then other townships) and within it the first-expiring lot first;
 * expired lots are never taken. What cannot be covered stays open as a shortfall.
 */
@Component
class Allocator {

    private final JdbcClient jdbc;
    private final StockLedger ledger;
    private final Clock clock;

    Allocator(JdbcClient jdbc, StockLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    private record OpenLine(long id, long itemId, String itemName, BigDecimal quantity, BigDecimal allocated) {}

    private static final class Candidate {
        final long warehouseId;
        final String warehouseName;
        final String regionPath;
        final String level;
        final long lotId;
        final String lotNo;
        final long itemId;
        final LocalDate expiresOn;
        BigDecimal quantity;

        Candidate(
                long warehouseId,
                String warehouseName,
                String regionPath,
                String level,
                long lotId,
                String lotNo,
                long itemId,
                LocalDate expiresOn,
                BigDecimal quantity) {
            this.warehouseId = warehouseId;
            this.warehouseName = warehouseName;
            this.regionPath = regionPath;
            this.level = level;
            this.lotId = lotId;
            this.lotNo = lotNo;
            this.itemId = itemId;
            this.expiresOn = expiresOn;
            this.quantity = quantity;
        }
    }

    /** Allocates the requisition's open lines (the requisition row must already be locked). */
    Allocation allocate(String username, long requisitionId, String requesterPath) {
        List<OpenLine> lines = jdbc.sql(
                        """
                        select rl.id, rl.item_id, i.name as item_name, rl.quantity, rl.allocated
                        from supply.requisition_lines rl join supply.items i on i.id = rl.item_id
                        where rl.requisition_id = ? order by rl.line_no""")
                .param(requisitionId)
                .query(OpenLine.class)
                .list();
        Long[] items = lines.stream()
                .filter(l -> l.quantity().compareTo(l.allocated()) > 0)
                .map(OpenLine::itemId)
                .distinct()
                .toArray(Long[]::new);
        LocalDate today = ledger.today();
        List<Candidate> candidates = items.length == 0
                ? List.of()
                : jdbc.sql(
                                """
                                select b.warehouse_id, w.name, w.region_path, w.level, b.lot_id, l.lot_no, b.item_id,
                                       b.expires_on, b.quantity
                                from supply.balances b
                                join supply.warehouses w on w.id = b.warehouse_id
                                join supply.lots l on l.id = b.lot_id
                                where b.item_id = any(?) and b.quantity > 0 and (b.expires_on is null or b.expires_on > ?)
                                order by b.warehouse_id, b.lot_id
                                for update of b""")
                        .params(items, Date.valueOf(today))
                        .query((rs, n) -> new Candidate(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getLong(7),
                                rs.getObject(8, LocalDate.class),
                                rs.getBigDecimal(9)))
                        .list();
        String township = townshipPath(requesterPath);
        Comparator<Candidate> nearestThenFefo = Comparator.<Candidate>comparingInt(c -> distance(c, township))
                .thenComparing(c -> c.expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(c -> c.warehouseId)
                .thenComparingLong(c -> c.lotId);
        List<Pick> picks = new ArrayList<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (OpenLine line : lines) {
            BigDecimal open = line.quantity().subtract(line.allocated());
            if (open.signum() <= 0) {
                continue;
            }
            BigDecimal taken = BigDecimal.ZERO;
            List<Candidate> mine = candidates.stream()
                    .filter(c -> c.itemId == line.itemId() && c.quantity.signum() > 0)
                    .sorted(nearestThenFefo)
                    .toList();
            for (Candidate c : mine) {
                if (open.signum() <= 0) {
                    break;
                }
                BigDecimal take = open.min(c.quantity);
                ledger.post(
                        username,
                        c.warehouseId,
                        c.lotId,
                        c.itemId,
                        c.expiresOn,
                        Kind.ISSUE,
                        take.negate(),
                        "申领单 #" + requisitionId,
                        requisitionId);
                jdbc.sql(
                                """
                                insert into supply.picks (requisition_id, line_id, warehouse_id, lot_id, quantity)
                                values (?, ?, ?, ?, ?)""")
                        .params(requisitionId, line.id(), c.warehouseId, c.lotId, take)
                        .update();
                c.quantity = c.quantity.subtract(take);
                open = open.subtract(take);
                taken = taken.add(take);
                picks.add(new Pick(
                        c.warehouseId,
                        c.warehouseName,
                        c.lotId,
                        c.lotNo,
                        c.expiresOn,
                        c.itemId,
                        line.itemName(),
                        take));
            }
            if (taken.signum() > 0) {
                jdbc.sql("update supply.requisition_lines set allocated = allocated + ? where id = ?")
                        .params(taken, line.id())
                        .update();
            }
            if (open.signum() > 0) {
                shortfalls.add(new Shortfall(
                        line.itemId(),
                        line.itemName(),
                        line.quantity(),
                        line.allocated().add(taken),
                        open));
            }
        }
        jdbc.sql("update supply.requisitions set state = 'ALLOCATED', allocated_at = ? where id = ?")
                .params(Timestamp.from(Instant.now(clock)), requisitionId)
                .update();
        return new Allocation(requisitionId, "ALLOCATED", picks, shortfalls);
    }

    /** {@code /141029/141029100/} of {@code /141029/141029100/141029100201/…}; the path itself above townships. */
    static String townshipPath(String path) {
        String[] parts = path.split("/");
        return parts.length >= 3 ? "/" + parts[1] + "/" + parts[2] + "/" : path;
    }

    private static int distance(Candidate c, String township) {
        if (c.regionPath.startsWith(township)) {
            return 0;
        }
        return "COUNTY".equals(c.level) ? 1 : 2;
    }
}
