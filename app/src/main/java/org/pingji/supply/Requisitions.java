package org.pingji.supply;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingji.supply.Catalogue.ItemFacts;
import org.pingji.supply.SupplyViews.ApprovalView;
import org.pingji.supply.SupplyViews.LineView;
import org.pingji.supply.SupplyViews.NewRequisition;
import org.pingji.supply.SupplyViews.Pick;
import org.pingji.supply.SupplyViews.Received;
import org.pingji.supply.SupplyViews.RequisitionDetail;
import org.pingji.supply.SupplyViews.RequisitionView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Requisitions: their rows, lines, approvals, dispatch and receipt (allocation is {@link Allocator}). */
@Component
class Requisitions {

    /** What the facade checks of a requisition before a step. */
    record Head(long id, String requesterPath, String requestedBy, boolean emergency, String state, int approvals) {}

    private static final String VIEW_SELECT =
            """
            select r.id, r.requester_region, r.requester_name, r.requested_by, r.emergency, r.state,
                   r.approvals, r.note, r.created_at, r.vehicle, r.driver, r.dispatched_at, r.received_at,
                   (select count(*) from supply.requisition_lines rl where rl.requisition_id = r.id) as lines
            from supply.requisitions r""";

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Clock clock;

    Requisitions(JdbcClient jdbc, Catalogue catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    /** Validates every line (unknown item, quantity) before anything is written; returns the id. */
    long create(String username, String regionCode, String regionName, String regionPath, NewRequisition r) {
        if (r.lines() == null || r.lines().isEmpty()) {
            throw SupplyRefused.invalid("lines_required", "lines: 申领单至少需要一行物资");
        }
        Map<Long, ItemFacts> items = new HashMap<>();
        for (int i = 0; i < r.lines().size(); i++) {
            var line = r.lines().get(i);
            String where = "第%d行：".formatted(i + 1);
            if (line == null || line.itemId() == null) {
                throw SupplyRefused.invalid("unknown_item", where + "请选择物资");
            }
            ItemFacts item = items.computeIfAbsent(line.itemId(), id -> catalogue
                    .item(id)
                    .orElseThrow(() -> SupplyRefused.invalid("unknown_item", where + "未知物资 " + id)));
            StockLedger.checkQuantity(item, line.quantity(), where);
        }
        long id = jdbc.sql(
                        """
                        insert into supply.requisitions
                            (requester_region, requester_name, requester_path, requested_by, emergency, state, note, created_at)
                        values (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?) returning id""")
                .params(regionCode, regionName, regionPath, username, r.urgent(), r.note(), now())
                .query(Long.class)
                .single();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            rows.add(new Object[] {
                id, i + 1, r.lines().get(i).itemId(), r.lines().get(i).quantity()
            });
        }
        batchLines(rows);
        return id;
    }

    private void batchLines(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 500) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
            StringBuilder sql = new StringBuilder(
                    "insert into supply.requisition_lines (requisition_id, line_no, item_id, quantity) values ");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?)");
                params.addAll(List.of(chunk.get(i)));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** The requisition's head, locked until the transaction ends. */
    Head lock(long id) {
        return head(id, " for update");
    }

    /** The requisition's head, unlocked (for reads). */
    Head head(long id) {
        return head(id, "");
    }

    private Head head(long id, String lock) {
        return jdbc.sql(
                        """
                        select id, requester_path, requested_by, emergency, state, approvals
                        from supply.requisitions where id = ?"""
                                + lock)
                .param(id)
                .query(Head.class)
                .optional()
                .orElseThrow(() -> SupplyRefused.notFound("申领单 #" + id));
    }

    void approve(long id, int level, String username, boolean afterTheFact, String state) {
        jdbc.sql(
                        "insert into supply.approvals (requisition_id, level, username, at, after_the_fact) values (?, ?, ?, ?, ?)")
                .params(id, level, username, now(), afterTheFact)
                .update();
        jdbc.sql("update supply.requisitions set approvals = ?, state = ? where id = ?")
                .params(level, state, id)
                .update();
    }

    List<ApprovalView> approvals(long id) {
        return jdbc.sql(
                        "select level, username, at, after_the_fact from supply.approvals where requisition_id = ? order by level")
                .param(id)
                .query(ApprovalView.class)
                .list();
    }

    void dispatch(long id, String vehicle, String driver) {
        jdbc.sql(
                        "update supply.requisitions set state = 'DISPATCHED', vehicle = ?, driver = ?, dispatched_at = ? where id = ?")
                .params(vehicle, driver, now(), id)
                .update();
    }

    /**
     * Records what arrived; a line not mentioned is taken as received as dispatched. A line
     * received above what was dispatched is flagged OVER, below it SHORT.
     *
     * @return the lines flagged
     */
    int receive(long id, String username, List<Received> received) {
        Map<Long, BigDecimal> byItem = new HashMap<>();
        List<Long> known = jdbc.sql("select distinct item_id from supply.requisition_lines where requisition_id = ?")
                .param(id)
                .query(Long.class)
                .list();
        for (Received r : received == null ? List.<Received>of() : received) {
            if (r == null || r.itemId() == null || !known.contains(r.itemId())) {
                throw SupplyRefused.invalid(
                        "unknown_item", "申领单 #%d 中没有物资 %s".formatted(id, r == null ? null : r.itemId()));
            }
            if (r.received() == null || r.received().signum() < 0) {
                throw SupplyRefused.invalid("quantity_invalid", "实收数量须为0或正数：" + r.received());
            }
            byItem.merge(r.itemId(), r.received(), BigDecimal::add);
        }
        record L(long id, long itemId, BigDecimal allocated) {}
        int flagged = 0;
        for (L line : jdbc.sql(
                        "select id, item_id, allocated from supply.requisition_lines where requisition_id = ? order by line_no")
                .param(id)
                .query(L.class)
                .list()) {
            BigDecimal got = byItem.containsKey(line.itemId()) ? byItem.remove(line.itemId()) : line.allocated();
            int c = got.compareTo(line.allocated());
            String discrepancy = c > 0 ? "OVER" : c < 0 ? "SHORT" : null;
            flagged += discrepancy == null ? 0 : 1;
            jdbc.sql("update supply.requisition_lines set received = ?, discrepancy = ? where id = ?")
                    .params(got, discrepancy, line.id())
                    .update();
        }
        jdbc.sql("update supply.requisitions set state = 'RECEIVED', received_at = ?, received_by = ? where id = ?")
                .params(now(), username, id)
                .update();
        return flagged;
    }

    List<RequisitionView> list(String pathPattern, String state) {
        return jdbc.sql(VIEW_SELECT
                        + " where r.requester_path like :p and (cast(:s as text) is null or r.state = :s)"
                        + " order by r.id desc limit 500")
                .param("p", pathPattern)
                .param("s", state == null || state.isBlank() ? null : state)
                .query(RequisitionView.class)
                .list();
    }

    RequisitionView view(long id) {
        return jdbc.sql(VIEW_SELECT + " where r.id = ?")
                .param(id)
                .query(RequisitionView.class)
                .optional()
                .orElseThrow(() -> SupplyRefused.notFound("申领单 #" + id));
    }

    RequisitionDetail detail(long id) {
        List<LineView> lines = jdbc.sql(
                        """
                        select rl.id as line_id, rl.line_no, rl.item_id, i.code as item_code, i.name as item_name, i.unit,
                               rl.quantity, rl.allocated, rl.received, rl.discrepancy
                        from supply.requisition_lines rl join supply.items i on i.id = rl.item_id
                        where rl.requisition_id = ? order by rl.line_no""")
                .param(id)
                .query(LineView.class)
                .list();
        return new RequisitionDetail(view(id), lines, picks(id), approvals(id));
    }

    List<Pick> picks(long id) {
        return jdbc.sql(
                        """
                        select p.warehouse_id, w.name as warehouse_name, p.lot_id, l.lot_no as lot, l.expires_on,
                               l.item_id, i.name as item_name, p.quantity
                        from supply.picks p
                        join supply.warehouses w on w.id = p.warehouse_id
                        join supply.lots l on l.id = p.lot_id
                        join supply.items i on i.id = l.item_id
                        where p.requisition_id = ? order by p.id""")
                .param(id)
                .query(Pick.class)
                .list();
    }
}
