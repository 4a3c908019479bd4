package org.pingji.supply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.supply.Catalogue.ItemFacts;
import org.pingji.supply.SupplyViews.LotStock;
import org.pingji.supply.SupplyViews.Stock;
import org.pingji.supply.SupplyViews.StockRow;
import org.pingji.supply.SupplyViews.WarehouseStock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of stock from the balance table (never from the ledger). */
@Component
class StockQueries {

    private final JdbcClient jdbc;

    StockQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An item's lots, per-warehouse totals with statuses, and totals in the warehouses under the path. */
    Stock stock(ItemFacts item, String pathPattern, LocalDate today) {
        record Row(
                long warehouseId,
                String warehouseName,
                long lotId,
                String lotNo,
                LocalDate producedOn,
                LocalDate expiresOn,
                BigDecimal quantity) {}
        List<Row> rows = jdbc.sql(
                        """
                        select b.warehouse_id, w.name as warehouse_name, b.lot_id, l.lot_no, l.produced_on, b.expires_on, b.quantity
                        from supply.balances b
                        join supply.warehouses w on w.id = b.warehouse_id
                        join supply.lots l on l.id = b.lot_id
                        where b.item_id = ? and b.quantity > 0 and w.region_path like ?
                        order by b.expires_on nulls last, b.warehouse_id, b.lot_id""")
                .params(item.id(), pathPattern)
                .query(Row.class)
                .list();
        record Level(long warehouseId, String name, BigDecimal minimum, BigDecimal reorder, BigDecimal maximum) {}
        Map<Long, Level> levels = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select l.warehouse_id, w.name, l.minimum, l.reorder, l.maximum
                        from supply.levels l join supply.warehouses w on w.id = l.warehouse_id
                        where l.item_id = ? and w.region_path like ? order by l.warehouse_id""")
                .params(item.id(), pathPattern)
                .query(Level.class)
                .list()
                .forEach(l -> levels.put(l.warehouseId(), l));
        List<LotStock> lots = new ArrayList<>();
        Map<Long, BigDecimal> usable = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal expired = BigDecimal.ZERO;
        for (Row r : rows) {
            String flag = StockLedger.expiryFlag(r.expiresOn(), today);
            lots.add(new LotStock(
                    r.warehouseId(),
                    r.warehouseName(),
                    r.lotId(),
                    r.lotNo(),
                    r.producedOn(),
                    r.expiresOn(),
                    r.quantity(),
                    flag));
            total = total.add(r.quantity());
            names.put(r.warehouseId(), r.warehouseName());
            if ("EXPIRED".equals(flag)) {
                expired = expired.add(r.quantity());
                usable.putIfAbsent(r.warehouseId(), BigDecimal.ZERO);
            } else {
                usable.merge(r.warehouseId(), r.quantity(), BigDecimal::add);
            }
        }
        levels.values().forEach(l -> {
            names.putIfAbsent(l.warehouseId(), l.name());
            usable.putIfAbsent(l.warehouseId(), BigDecimal.ZERO);
        });
        List<WarehouseStock> warehouses = new ArrayList<>();
        usable.forEach((w, q) -> {
            Level l = levels.get(w);
            BigDecimal min = l == null ? null : l.minimum();
            BigDecimal reorder = l == null ? null : l.reorder();
            BigDecimal max = l == null ? null : l.maximum();
            warehouses.add(new WarehouseStock(
                    w, names.get(w), q, min, reorder, max, StockLedger.status(q, min, reorder, max)));
        });
        return new Stock(
                item.id(), item.name(), item.unit(), total, total.subtract(expired), expired, lots, warehouses);
    }

    /** Every item (of a category, if given) with totals, nearest expiry and status in the warehouses under the path. */
    List<StockRow> overview(String pathPattern, String category, LocalDate today) {
        record Row(
                long itemId,
                String code,
                String name,
                String category,
                String unit,
                BigDecimal total,
                BigDecimal expired,
                LocalDate nearest,
                BigDecimal minimum,
                BigDecimal reorder,
                BigDecimal maximum,
                Integer below) {}
        return jdbc
                .sql(
                        """
                        select i.id as item_id, i.code, i.name, c.name as category, i.unit,
                               coalesce(s.total, 0) as total, coalesce(s.expired, 0) as expired, s.nearest,
                               lv.minimum, lv.reorder, lv.maximum, coalesce(lv.below, 0) as below
                        from supply.items i
                        join supply.categories c on c.id = i.category_id
                        left join (
                            select b.item_id, sum(b.quantity) as total,
                                   sum(b.quantity) filter (where b.expires_on <= :today) as expired,
                                   min(b.expires_on) filter (where b.expires_on > :today and b.quantity > 0) as nearest
                            from supply.balances b join supply.warehouses w on w.id = b.warehouse_id
                            where w.region_path like :p group by b.item_id) s on s.item_id = i.id
                        left join (
                            select l.item_id, sum(l.minimum) as minimum, sum(l.reorder) as reorder, sum(l.maximum) as maximum,
                                   count(*) filter (where coalesce(q.usable, 0) < l.minimum) as below
                            from supply.levels l
                            join supply.warehouses w on w.id = l.warehouse_id
                            left join (
                                select warehouse_id, item_id,
                                       sum(quantity) filter (where expires_on is null or expires_on > :today) as usable
                                from supply.balances group by warehouse_id, item_id) q
                              on q.warehouse_id = l.warehouse_id and q.item_id = l.item_id
                            where w.region_path like :p group by l.item_id) lv on lv.item_id = i.id
                        where (cast(:category as text) is null or c.code = :category or c.name = :category)
                        order by c.code, i.code""")
                .param("today", java.sql.Date.valueOf(today))
                .param("p", pathPattern)
                .param("category", category == null || category.isBlank() ? null : category)
                .query(Row.class)
                .list()
                .stream()
                .map(r -> {
                    BigDecimal usable = r.total().subtract(r.expired());
                    String flag = r.expired().signum() > 0 ? "EXPIRED" : StockLedger.expiryFlag(r.nearest(), today);
                    return new StockRow(
                            r.itemId(),
                            r.code(),
                            r.name(),
                            r.category(),
                            r.unit(),
                            r.total(),
                            r.expired(),
                            r.nearest(),
                            flag,
                            StockLedger.status(usable, r.minimum(), r.reorder(), r.maximum()),
                            r.below());
                })
                .toList();
    }
}
