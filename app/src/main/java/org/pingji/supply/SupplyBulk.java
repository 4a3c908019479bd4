package org.pingji.supply;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.platform.PgCopy;
import org.pingji.supply.SupplyViews.NewItem;
import org.pingji.supply.SupplyViews.NewWarehouse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk set-up of the supplies module for the demo county and administration: categories, items,
 * warehouses, suppliers, stock levels, and lots with their receipts and past issues written to
 * the ledger and the balances together (COPY), so that both agree from the start.
 */
@Component
public class SupplyBulk {

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final StockLedger ledger;
    private final GridManagement grid;
    private final DataSource dataSource;

    SupplyBulk(JdbcClient jdbc, Catalogue catalogue, StockLedger ledger, GridManagement grid, DataSource dataSource) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.grid = grid;
        this.dataSource = dataSource;
    }

    /** Adds a category; returns its id. */
    @Transactional
    public long addCategory(String code, String name) {
        return catalogue.addCategory(code, name);
    }

    /** Adds an item (validated as through the API); returns its id. */
    @Transactional
    public long addItem(NewItem item) {
        return catalogue.addItem(item);
    }

    /** Registers a warehouse in a region; returns its id. */
    @Transactional
    public long registerWarehouse(NewWarehouse warehouse) {
        Region region = grid.findRegion(warehouse.regionCode())
                .orElseThrow(() -> SupplyRefused.invalid("unknown_region", "未知区域：" + warehouse.regionCode()));
        return catalogue.addWarehouse(warehouse, region.name(), region.path());
    }

    /** A supply-guarantee enterprise to register. */
    public record NewSupplier(
            String name,
            String contact,
            String phone,
            String regionCode,
            String productLines,
            int dailyCapacity,
            int agreementReserve) {}

    /** Registers a supplier; returns its id. */
    @Transactional
    public long addSupplier(NewSupplier s) {
        return jdbc.sql(
                        """
                        insert into supply.suppliers (name, contact, phone, region_code, product_lines, daily_capacity, agreement_reserve)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        s.name(),
                        s.contact(),
                        s.phone(),
                        s.regionCode(),
                        s.productLines(),
                        s.dailyCapacity(),
                        s.agreementReserve())
                .query(Long.class)
                .single();
    }

    /** Sets an item's minimum, reorder point and maximum in a warehouse. */
    @Transactional
    public void setLevels(long warehouseId, long itemId, BigDecimal minimum, BigDecimal reorder, BigDecimal maximum) {
        ledger.setLevels(warehouseId, itemId, minimum, reorder, maximum);
    }

    /** A past issue of a seeded lot. */
    public record PastIssue(Instant at, BigDecimal quantity) {}

    /**
     * A lot received into a warehouse in the past, with the issues made from it since; its
     * balance is what was received less what was issued. Lot numbers must be new.
     */
    public record SeedLot(
            long warehouseId,
            long itemId,
            String lotNo,
            LocalDate producedOn,
            LocalDate expiresOn,
            Long supplierId,
            BigDecimal received,
            Instant receivedAt,
            List<PastIssue> issues) {}

    /** Writes the lots, their ledger rows and balances in bulk; returns the number of ledger rows. */
    @Transactional
    public long seedLots(List<SeedLot> lots, String username) {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < lots.size(); from += 5_000) {
            List<SeedLot> chunk = lots.subList(from, Math.min(lots.size(), from + 5_000));
            List<Long> items = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            List<Date> produced = new ArrayList<>();
            List<Date> expires = new ArrayList<>();
            List<Long> suppliers = new ArrayList<>();
            for (SeedLot l : chunk) {
                items.add(l.itemId());
                numbers.add(l.lotNo());
                produced.add(l.producedOn() == null ? null : Date.valueOf(l.producedOn()));
                expires.add(l.expiresOn() == null ? null : Date.valueOf(l.expiresOn()));
                suppliers.add(l.supplierId());
            }
            jdbc.sql(
                            """
                            insert into supply.lots (item_id, lot_no, produced_on, expires_on, supplier_id)
                            select * from unnest(?::bigint[], ?::text[], ?::date[], ?::date[], ?::bigint[])
                            returning item_id, lot_no, id""")
                    .params(
                            items.toArray(Long[]::new),
                            numbers.toArray(String[]::new),
                            produced.toArray(Date[]::new),
                            expires.toArray(Date[]::new),
                            suppliers.toArray(Long[]::new))
                    .query((rs, n) -> ids.put(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3)))
                    .list();
        }
        PgCopy.Rows ledgerRows = new PgCopy.Rows();
        PgCopy.Rows balances = new PgCopy.Rows();
        for (SeedLot l : lots) {
            long lot = ids.get(l.itemId() + "/" + l.lotNo());
            BigDecimal balance = l.received();
            ledgerRow(ledgerRows, l, lot, l.receivedAt(), "RECEIPT", l.received(), username);
            for (PastIssue issue : l.issues()) {
                balance = balance.subtract(issue.quantity());
                ledgerRow(
                        ledgerRows,
                        l,
                        lot,
                        issue.at(),
                        "ISSUE",
                        issue.quantity().negate(),
                        username);
            }
            if (balance.signum() < 0) {
                throw new IllegalArgumentException(
                        "Lot %s issues %s more than received".formatted(l.lotNo(), balance.negate()));
            }
            balances.field(l.warehouseId())
                    .field(lot)
                    .field(l.itemId())
                    .field(l.expiresOn())
                    .field(balance.toPlainString())
                    .end();
        }
        long count = PgCopy.copy(
                dataSource,
                "supply.ledger (at, warehouse_id, lot_id, item_id, kind, quantity, reason, username)",
                ledgerRows);
        PgCopy.copy(dataSource, "supply.balances (warehouse_id, lot_id, item_id, expires_on, quantity)", balances);
        return count;
    }

    private static void ledgerRow(
            PgCopy.Rows rows, SeedLot l, long lot, Instant at, String kind, BigDecimal quantity, String username) {
        rows.field(at)
                .field(l.warehouseId())
                .field(lot)
                .field(l.itemId())
                .field(kind)
                .field(quantity.toPlainString())
                .field(kind.equals("ISSUE") ? "日常发放" : "储备入库")
                .field(username)
                .end();
    }
}
