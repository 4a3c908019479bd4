package org.pingji.supply;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.pingji.platform.CountyTime;
import org.pingji.supply.Catalogue.ItemFacts;
import org.pingji.supply.SupplyViews.Receipt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stock ledger: every movement is one append-only row, and the balance of its (warehouse,
 * lot) changes in the same transaction, so availability is read from balances and never summed
 * from the ledger. A decrease is a conditional update that never takes a balance below zero.
 */
@Component
class StockLedger {

    /** The kinds of movement; issues, transfers out and write-offs are negative. */
    enum Kind {
        RECEIPT,
        ISSUE,
        TRANSFER_OUT,
        TRANSFER_IN,
        ADJUSTMENT,
        WRITE_OFF
    }

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Clock clock;
    private final CountyTime time;

    StockLedger(JdbcClient jdbc, Catalogue catalogue, Clock clock, CountyTime time) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
        this.time = time;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(time.zone()));
    }

    /**
     * Records one movement and moves the balance with it; a decrease beyond the balance is
     * refused (409 {@code supply.insufficient}) and writes nothing.
     */
    void post(
            String username,
            long warehouseId,
            long lotId,
            long itemId,
            LocalDate expiresOn,
            Kind kind,
            BigDecimal delta,
            String reason,
            Long requisitionId) {
        if (delta.signum() > 0) {
            jdbc.sql(
                            """
                            insert into supply.balances (warehouse_id, lot_id, item_id, expires_on, quantity)
                            values (?, ?, ?, ?, ?)
                            on conflict (warehouse_id, lot_id) do update set quantity = supply.balances.quantity + excluded.quantity""")
                    .params(warehouseId, lotId, itemId, expiresOn == null ? null : Date.valueOf(expiresOn), delta)
                    .update();
        } else {
            int moved = jdbc.sql(
                            """
                            update supply.balances set quantity = quantity + :d
                            where warehouse_id = :w and lot_id = :l and quantity + :d >= 0""")
                    .param("d", delta)
                    .param("w", warehouseId)
                    .param("l", lotId)
                    .update();
            if (moved == 0) {
                throw SupplyRefused.conflict(
                        "insufficient",
                        "库存不足：仓库 %d 批次 %d 不够 %s"
                                .formatted(warehouseId, lotId, delta.negate().toPlainString()));
            }
        }
        jdbc.sql(
                        """
                        insert into supply.ledger (at, warehouse_id, lot_id, item_id, kind, quantity, reason, requisition_id, username)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Timestamp.from(Instant.now(clock)),
                        warehouseId,
                        lotId,
                        itemId,
                        kind.name(),
                        delta,
                        reason,
                        requisitionId,
                        username)
                .update();
    }

    /** Checks a quantity of an item: positive, and whole for a counted unit. */
    static void checkQuantity(ItemFacts item, BigDecimal quantity, String where) {
        if (quantity == null || quantity.signum() <= 0) {
            throw SupplyRefused.invalid(
                    "quantity_invalid",
                    "%s数量须大于0：%s".formatted(where, quantity == null ? "未填写" : quantity.toPlainString()));
        }
        if (item.counted() && quantity.stripTrailingZeros().scale() > 0) {
            throw SupplyRefused.invalid(
                    "quantity_fractional",
                    "%s%s以「%s」计数，数量须为整数：%s".formatted(where, item.name(), item.unit(), quantity.toPlainString()));
        }
    }

    /** Receives a lot into a warehouse (the lot is created on first receipt); returns the lot id. */
    long receive(String username, Receipt r) {
        if (r.itemId() == null) {
            throw SupplyRefused.invalid("unknown_item", "itemId: 请选择物资");
        }
        ItemFacts item = catalogue
                .item(r.itemId())
                .orElseThrow(() -> SupplyRefused.invalid("unknown_item", "未知物资：" + r.itemId()));
        if (r.lot() == null || r.lot().isBlank()) {
            throw SupplyRefused.invalid("lot_required", "lot: 请填写批号");
        }
        checkQuantity(item, r.quantity(), "入库");
        if (item.expires() && r.expiresOn() == null) {
            throw SupplyRefused.invalid(
                    "expiry_required", "%s有保质期（%d天），入库须填写有效期".formatted(item.name(), item.shelfLifeDays()));
        }
        if (r.expiresOn() != null && r.producedOn() != null && r.expiresOn().isBefore(r.producedOn())) {
            throw SupplyRefused.invalid(
                    "expiry_before_production", "有效期 %s 早于生产日期 %s".formatted(r.expiresOn(), r.producedOn()));
        }
        if (r.supplierId() != null && !catalogue.supplierExists(r.supplierId())) {
            throw SupplyRefused.invalid("unknown_supplier", "未知保供企业：" + r.supplierId());
        }
        long lotId = lot(item, r);
        post(username, r.warehouseId(), lotId, item.id(), r.expiresOn(), Kind.RECEIPT, r.quantity(), null, null);
        return lotId;
    }

    private long lot(ItemFacts item, Receipt r) {
        record LotRow(long id, LocalDate producedOn, LocalDate expiresOn) {}
        var existing = jdbc.sql("select id, produced_on, expires_on from supply.lots where item_id = ? and lot_no = ?")
                .params(item.id(), r.lot().strip())
                .query(LotRow.class)
                .optional();
        if (existing.isPresent()) {
            LotRow lot = existing.get();
            if (!java.util.Objects.equals(lot.expiresOn(), r.expiresOn())) {
                throw SupplyRefused.conflict(
                        "lot_mismatch", "批号 %s 已登记有效期 %s，与 %s 不符".formatted(r.lot(), lot.expiresOn(), r.expiresOn()));
            }
            return lot.id();
        }
        return jdbc.sql(
                        """
                        insert into supply.lots (item_id, lot_no, produced_on, expires_on, supplier_id)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(
                        item.id(),
                        r.lot().strip(),
                        r.producedOn() == null ? null : Date.valueOf(r.producedOn()),
                        r.expiresOn() == null ? null : Date.valueOf(r.expiresOn()),
                        r.supplierId())
                .query(Long.class)
                .single();
    }

    /** The balance row of a lot in a warehouse, locked for the rest of the transaction. */
    record BalanceRow(long warehouseId, long lotId, long itemId, LocalDate expiresOn, BigDecimal quantity) {}

    BalanceRow lockBalance(long warehouseId, long lotId) {
        return jdbc.sql(
                        """
                        select warehouse_id, lot_id, item_id, expires_on, quantity from supply.balances
                        where warehouse_id = ? and lot_id = ? for update""")
                .params(warehouseId, lotId)
                .query(BalanceRow.class)
                .optional()
                .orElseThrow(() -> SupplyRefused.notFound("仓库 %d 的批次 %d".formatted(warehouseId, lotId)));
    }

    void setLevels(long warehouseId, long itemId, BigDecimal minimum, BigDecimal reorder, BigDecimal maximum) {
        jdbc.sql(
                        """
                        insert into supply.levels (warehouse_id, item_id, minimum, reorder, maximum) values (?, ?, ?, ?, ?)
                        on conflict (warehouse_id, item_id) do update
                        set minimum = excluded.minimum, reorder = excluded.reorder, maximum = excluded.maximum""")
                .params(warehouseId, itemId, minimum, reorder, maximum)
                .update();
    }

    /** The expiry flag of a lot: EXPIRED, D30, D90, D180 or null. */
    static String expiryFlag(LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        if (days <= 0) {
            return "EXPIRED";
        }
        return days <= 30 ? "D30" : days <= 90 ? "D90" : days <= 180 ? "D180" : null;
    }

    /** IN / LOW (below minimum) / REORDER (below the reorder point) / OUT / OVERSTOCK (above maximum). */
    static String status(BigDecimal quantity, BigDecimal minimum, BigDecimal reorder, BigDecimal maximum) {
        if (quantity.signum() <= 0) {
            return "OUT";
        }
        if (minimum != null && quantity.compareTo(minimum) < 0) {
            return "LOW";
        }
        if (reorder != null && quantity.compareTo(reorder) < 0) {
            return "REORDER";
        }
        if (maximum != null && maximum.signum() > 0 && quantity.compareTo(maximum) > 0) {
            return "OVERSTOCK";
        }
        return "IN";
    }
}
