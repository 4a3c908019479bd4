package org.pingji.supply;

import java.math.BigDecimal;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.supply.Catalogue.ItemFacts;
import org.pingji.supply.Catalogue.WarehouseFacts;
import org.pingji.supply.StockLedger.BalanceRow;
import org.pingji.supply.StockLedger.Kind;
import org.pingji.supply.SupplyViews.Allocation;
import org.pingji.supply.SupplyViews.CategoryView;
import org.pingji.supply.SupplyViews.Forecast;
import org.pingji.supply.SupplyViews.ItemView;
import org.pingji.supply.SupplyViews.NewItem;
import org.pingji.supply.SupplyViews.NewRequisition;
import org.pingji.supply.SupplyViews.Receipt;
import org.pingji.supply.SupplyViews.Received;
import org.pingji.supply.SupplyViews.RequisitionDetail;
import org.pingji.supply.SupplyViews.RequisitionView;
import org.pingji.supply.SupplyViews.Stock;
import org.pingji.supply.SupplyViews.StockRow;
import org.pingji.supply.SupplyViews.SupplierView;
import org.pingji.supply.SupplyViews.WarehouseView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade of supplies (物资保障): the catalogue, warehouses and their stock by lot, the stock
 * ledger, requisitions from request to receipt and the forecast. Stock is read from balances kept
 * in step with the ledger. Everyone in supplies (manage, request or approve) may read the
 * catalogue and stock of their jurisdiction; moving stock needs SUPPLY_MANAGE.
 */
@Service
public class SupplyManagement {

    private final Catalogue catalogue;
    private final StockLedger ledger;
    private final StockQueries stock;
    private final Requisitions requisitions;
    private final Allocator allocator;
    private final SupplyForecast forecast;
    private final GridManagement grid;
    private final AccessManagement access;

    SupplyManagement(
            Catalogue catalogue,
            StockLedger ledger,
            StockQueries stock,
            Requisitions requisitions,
            Allocator allocator,
            SupplyForecast forecast,
            GridManagement grid,
            AccessManagement access) {
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.stock = stock;
        this.requisitions = requisitions;
        this.allocator = allocator;
        this.forecast = forecast;
        this.grid = grid;
        this.access = access;
    }

    private static void requireSupplies(Caller caller) {
        if (!caller.can(Permission.SUPPLY_MANAGE) && !caller.can(Permission.SUPPLY_APPROVE)) {
            caller.require(Permission.SUPPLY_REQUEST);
        }
    }

    /** The region with the code (the caller's jurisdiction when blank), 404 outside it. */
    Region region(Caller caller, String code) {
        String c = code == null || code.isBlank() ? caller.jurisdictionCode() : code.strip();
        Region region = grid.findRegion(c).orElseThrow(() -> SupplyRefused.notFound("区域 " + c));
        caller.requireCovers(region.path(), "区域 " + c);
        return region;
    }

    private WarehouseFacts warehouse(Caller caller, Long id) {
        if (id == null) {
            throw SupplyRefused.invalid("unknown_warehouse", "warehouseId: 请选择仓库");
        }
        WarehouseFacts w =
                catalogue.warehouse(id).orElseThrow(() -> SupplyRefused.invalid("unknown_warehouse", "未知仓库：" + id));
        caller.requireCovers(w.regionPath(), "仓库 " + id);
        return w;
    }

    // ---- catalogue --------------------------------------------------------------------------

    /** The categories with their item counts. */
    public List<CategoryView> categories(Caller caller) {
        requireSupplies(caller);
        return catalogue.categories();
    }

    /** Items of the catalogue, of one category (code or name) when given. */
    public List<ItemView> items(Caller caller, String category) {
        requireSupplies(caller);
        return catalogue.items(category);
    }

    /** Adds an item; 400 for a missing field or unknown category, 409 for a taken code. */
    @Transactional
    public long addItem(Caller caller, NewItem item) {
        caller.require(Permission.SUPPLY_MANAGE);
        long id = catalogue.addItem(item);
        access.audit(caller, "supply.item_add", "supply_item", String.valueOf(id), item.code());
        return id;
    }

    /** Warehouses in the region (the caller's jurisdiction when blank), county first. */
    public List<WarehouseView> warehouses(Caller caller, String regionCode) {
        requireSupplies(caller);
        return catalogue.warehouses(region(caller, regionCode).path() + "%");
    }

    /** The supply-guarantee enterprises (保供企业). */
    public List<SupplierView> suppliers(Caller caller) {
        requireSupplies(caller);
        return catalogue.suppliers();
    }

    // ---- stock ------------------------------------------------------------------------------

    /** Receives a lot into a warehouse of the caller's jurisdiction; returns the lot id. */
    @Transactional
    public long receive(Caller caller, Receipt receipt) {
        caller.require(Permission.SUPPLY_MANAGE);
        if (receipt == null) {
            throw SupplyRefused.invalid("receipt_invalid", "请提供入库信息");
        }
        warehouse(caller, receipt.warehouseId());
        long lot = ledger.receive(caller.username(), receipt);
        access.audit(
                caller,
                "supply.receipt",
                "supply_lot",
                String.valueOf(lot),
                "warehouse %d item %d qty %s"
                        .formatted(
                                receipt.warehouseId(),
                                receipt.itemId(),
                                receipt.quantity().toPlainString()));
        return lot;
    }

    /** An item's lots and totals in the region's warehouses (balances, never the ledger summed). */
    public Stock stock(Caller caller, long itemId, String regionCode) {
        requireSupplies(caller);
        ItemFacts item = catalogue.item(itemId).orElseThrow(() -> SupplyRefused.notFound("物资 " + itemId));
        return stock.stock(item, region(caller, regionCode).path() + "%", ledger.today());
    }

    /** Every item with totals, nearest expiry and status in the region's warehouses. */
    public List<StockRow> overview(Caller caller, String regionCode, String category) {
        requireSupplies(caller);
        return stock.overview(region(caller, regionCode).path() + "%", category, ledger.today());
    }

    /** Writes off the whole balance of a lot in a warehouse (an expired lot, damage); returns the quantity. */
    @Transactional
    public BigDecimal writeOff(Caller caller, long warehouseId, long lotId, String reason) {
        caller.require(Permission.SUPPLY_MANAGE);
        warehouse(caller, warehouseId);
        BalanceRow b = ledger.lockBalance(warehouseId, lotId);
        if (b.quantity().signum() == 0) {
            throw SupplyRefused.conflict("nothing_to_write_off", "该批次库存已为0");
        }
        String why = reason == null || reason.isBlank() ? "过期报废" : reason.strip();
        ledger.post(
                caller.username(),
                warehouseId,
                lotId,
                b.itemId(),
                b.expiresOn(),
                Kind.WRITE_OFF,
                b.quantity().negate(),
                why,
                null);
        access.audit(caller, "supply.write_off", "supply_lot", String.valueOf(lotId), why + " " + b.quantity());
        return b.quantity();
    }

    /** Corrects a lot's balance by a signed quantity with a reason (a count, damage found). */
    @Transactional
    public void adjust(Caller caller, long warehouseId, long lotId, BigDecimal delta, String reason) {
        caller.require(Permission.SUPPLY_MANAGE);
        warehouse(caller, warehouseId);
        if (reason == null || reason.isBlank()) {
            throw SupplyRefused.invalid("reason_required", "reason: 调整须注明原因");
        }
        if (delta == null || delta.signum() == 0) {
            throw SupplyRefused.invalid("quantity_invalid", "调整数量不能为0");
        }
        BalanceRow b = ledger.lockBalance(warehouseId, lotId);
        ItemFacts item = catalogue.item(b.itemId()).orElseThrow();
        StockLedger.checkQuantity(item, delta.abs(), "调整");
        ledger.post(
                caller.username(), warehouseId, lotId, b.itemId(), b.expiresOn(), Kind.ADJUSTMENT, delta, reason, null);
        access.audit(caller, "supply.adjust", "supply_lot", String.valueOf(lotId), reason + " " + delta);
    }

    /** Moves a quantity of a lot from one warehouse to another (rotation to where it is used). */
    @Transactional
    public void transfer(Caller caller, long fromId, long toId, long lotId, BigDecimal quantity) {
        caller.require(Permission.SUPPLY_MANAGE);
        warehouse(caller, fromId);
        warehouse(caller, toId);
        if (fromId == toId) {
            throw SupplyRefused.invalid("same_warehouse", "调出与调入仓库相同");
        }
        BalanceRow b = ledger.lockBalance(fromId, lotId);
        StockLedger.checkQuantity(catalogue.item(b.itemId()).orElseThrow(), quantity, "调拨");
        String why = "调拨 %d → %d".formatted(fromId, toId);
        ledger.post(
                caller.username(),
                fromId,
                lotId,
                b.itemId(),
                b.expiresOn(),
                Kind.TRANSFER_OUT,
                quantity.negate(),
                why,
                null);
        ledger.post(caller.username(), toId, lotId, b.itemId(), b.expiresOn(), Kind.TRANSFER_IN, quantity, why, null);
        access.audit(caller, "supply.transfer", "supply_lot", String.valueOf(lotId), why + " " + quantity);
    }

    // ---- requisitions -----------------------------------------------------------------------

    /** A new requisition and, on the emergency fast path, its allocation made at once. */
    public record Created(long id, String state, Allocation allocation) {}

    /**
     * Makes a requisition for a region of the caller's jurisdiction; every line is checked first
     * (unknown item, quantity). An emergency one is allocated at once and approved after the fact.
     */
    @Transactional
    public Created request(Caller caller, NewRequisition r) {
        caller.require(Permission.SUPPLY_REQUEST);
        if (r == null) {
            throw SupplyRefused.invalid("lines_required", "请提供申领内容");
        }
        Region region = region(caller, r.requesterRegion());
        long id = requisitions.create(caller.username(), region.code(), region.name(), region.path(), r);
        access.audit(
                caller,
                "supply.request",
                "supply_requisition",
                String.valueOf(id),
                r.lines().size() + " lines");
        if (!r.urgent()) {
            return new Created(id, "SUBMITTED", null);
        }
        requisitions.lock(id);
        Allocation allocation = allocator.allocate(caller.username(), id, region.path());
        access.audit(
                caller,
                "supply.emergency_allocate",
                "supply_requisition",
                String.valueOf(id),
                "emergency fast path: allocated before approval, %d picks"
                        .formatted(allocation.picks().size()));
        return new Created(id, allocation.state(), allocation);
    }

    /** The state after an approval and how many approvals are still needed. */
    public record Approved(long id, String state, int approvals, int pending, boolean afterTheFact) {}

    /**
     * Approves at the next level: level 1 by any approver, level 2 by the county supplies
     * department (SUPPLY_MANAGE), never by the requester and never twice by one person. An
     * emergency requisition already allocated is approved after the fact.
     */
    @Transactional
    public Approved approve(Caller caller, long id) {
        caller.require(Permission.SUPPLY_APPROVE);
        var head = requisitions.lock(id);
        caller.requireCovers(head.requesterPath(), "申领单 #" + id);
        if (head.requestedBy().equals(caller.username())) {
            throw SupplyRefused.forbidden("self_approval", "申领人不能审批自己的申领单 #" + id);
        }
        if (head.approvals() >= 2) {
            throw SupplyRefused.conflict("already_approved", "申领单 #%d 已完成两级审批".formatted(id));
        }
        int level = head.approvals() + 1;
        if (level == 2 && !caller.can(Permission.SUPPLY_MANAGE)) {
            throw SupplyRefused.forbidden("second_level", "第二级审批须由县物资保障部门办理");
        }
        if (level == 2
                && requisitions.approvals(id).stream()
                        .anyMatch(a -> a.username().equals(caller.username()))) {
            throw SupplyRefused.conflict("same_approver", "两级审批须由不同人员办理");
        }
        boolean afterTheFact =
                head.emergency() && !List.of("SUBMITTED", "FIRST_APPROVED").contains(head.state());
        if (!afterTheFact && !List.of("SUBMITTED", "FIRST_APPROVED").contains(head.state())) {
            throw stateRefused(id, head.state());
        }
        String state = afterTheFact ? head.state() : level == 1 ? "FIRST_APPROVED" : "APPROVED";
        requisitions.approve(id, level, caller.username(), afterTheFact, state);
        access.audit(
                caller,
                afterTheFact ? "supply.approve_after_the_fact" : "supply.approve",
                "supply_requisition",
                String.valueOf(id),
                "level " + level);
        return new Approved(id, state, level, 2 - level, afterTheFact);
    }

    private static SupplyRefused stateRefused(long id, String state) {
        return SupplyRefused.conflict("state", "申领单 #%d 当前状态为 %s，不能办理此步骤".formatted(id, state));
    }

    /** Allocates an approved requisition (or the shortfall of an allocated one): nearest first, FEFO. */
    @Transactional
    public Allocation allocate(Caller caller, long id) {
        caller.require(Permission.SUPPLY_MANAGE);
        var head = requisitions.lock(id);
        caller.requireCovers(head.requesterPath(), "申领单 #" + id);
        if (!head.state().equals("APPROVED") && !head.state().equals("ALLOCATED")) {
            throw SupplyRefused.conflict("state", "申领单 #%d 当前状态为 %s，须两级审批后才能配货".formatted(id, head.state()));
        }
        Allocation allocation = allocator.allocate(caller.username(), id, head.requesterPath());
        access.audit(
                caller,
                "supply.allocate",
                "supply_requisition",
                String.valueOf(id),
                "%d picks, %d short"
                        .formatted(
                                allocation.picks().size(),
                                allocation.shortfalls().size()));
        return allocation;
    }

    /** Records the dispatch of an allocated requisition with its vehicle and driver. */
    @Transactional
    public void dispatch(Caller caller, long id, String vehicle, String driver) {
        caller.require(Permission.SUPPLY_MANAGE);
        var head = requisitions.lock(id);
        caller.requireCovers(head.requesterPath(), "申领单 #" + id);
        if (!head.state().equals("ALLOCATED")) {
            throw stateRefused(id, head.state());
        }
        if (vehicle == null || vehicle.isBlank() || driver == null || driver.isBlank()) {
            throw SupplyRefused.invalid("dispatch_invalid", "请填写车辆和驾驶员");
        }
        if (requisitions.picks(id).isEmpty()) {
            throw SupplyRefused.conflict("nothing_allocated", "申领单 #%d 没有配到任何物资，不能发运".formatted(id));
        }
        requisitions.dispatch(id, vehicle.strip(), driver.strip());
        access.audit(caller, "supply.dispatch", "supply_requisition", String.valueOf(id), vehicle + " " + driver);
    }

    /** Confirms receipt by the requesting side; returns how many lines were flagged (over or short). */
    @Transactional
    public int confirmReceipt(Caller caller, long id, List<Received> lines) {
        caller.require(Permission.SUPPLY_REQUEST);
        var head = requisitions.lock(id);
        caller.requireCovers(head.requesterPath(), "申领单 #" + id);
        if (!head.state().equals("DISPATCHED")) {
            throw stateRefused(id, head.state());
        }
        int flagged = requisitions.receive(id, caller.username(), lines);
        access.audit(caller, "supply.receive", "supply_requisition", String.valueOf(id), flagged + " discrepancies");
        return flagged;
    }

    /** Requisitions of regions in the caller's jurisdiction, newest first, of one state if given. */
    public List<RequisitionView> requisitions(Caller caller, String state) {
        requireSupplies(caller);
        return requisitions.list(caller.pathPattern(), state);
    }

    /** A requisition with lines, picks and approvals. */
    public RequisitionDetail requisition(Caller caller, long id) {
        requireSupplies(caller);
        var head = requisitions.head(id);
        caller.requireCovers(head.requesterPath(), "申领单 #" + id);
        return requisitions.detail(id);
    }

    // ---- forecast ---------------------------------------------------------------------------

    /** Days of cover per item in the region from the last 14 days' issues, and full testing rounds left. */
    public Forecast forecast(Caller caller, String regionCode) {
        requireSupplies(caller);
        return forecast.forecast(caller, region(caller, regionCode));
    }
}
