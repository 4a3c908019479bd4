package org.pingji.supply;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
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
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of supplies: catalogue, warehouses, stock, receipts, requisitions and the forecast. */
@RestController
@RequestMapping("/api/supply")
@Tag(name = "Supply", description = "Catalogue, warehouses, lots and stock ledger, requisitions, forecast")
class SupplyApi {

    private final SupplyManagement supply;

    SupplyApi(SupplyManagement supply) {
        this.supply = supply;
    }

    @GetMapping("/categories")
    @Operation(summary = "Categories with their item counts")
    List<CategoryView> categories(Caller caller) {
        return supply.categories(caller);
    }

    @GetMapping("/items")
    @Operation(summary = "Items of the catalogue, of one category (code or name) if given")
    List<ItemView> items(Caller caller, @RequestParam(required = false) String category) {
        return supply.items(caller, category);
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an item {code, name, unit, category, shelfLifeDays (null: does not expire), counted}")
    Map<String, Long> addItem(Caller caller, @RequestBody NewItem item) {
        return Map.of("id", supply.addItem(caller, item));
    }

    @GetMapping("/warehouses")
    @Operation(summary = "Warehouses in a region (default: the caller's jurisdiction), county first")
    List<WarehouseView> warehouses(Caller caller, @RequestParam(required = false) String region) {
        return supply.warehouses(caller, region);
    }

    @GetMapping("/suppliers")
    @Operation(summary = "Supply-guarantee enterprises (保供企业) with product lines and daily capacity")
    List<SupplierView> suppliers(Caller caller) {
        return supply.suppliers(caller);
    }

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Receive a lot into a warehouse: expiry required for an item that expires, not before production;"
                    + " quantity > 0 and whole for a counted unit")
    Map<String, Object> receive(Caller caller, @RequestBody Receipt receipt) {
        long lot = supply.receive(caller, receipt);
        return Map.of("lotId", lot, "quantity", receipt.quantity());
    }

    @GetMapping("/stock")
    @Operation(summary = "Stock of an item (with item=) by lot and warehouse, or of every item (without), in a region")
    Object stock(
            Caller caller,
            @RequestParam(required = false) Long item,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String category) {
        if (item == null) {
            List<StockRow> rows = supply.overview(caller, region, category);
            return rows;
        }
        Stock stock = supply.stock(caller, item, region);
        return stock;
    }

    record WriteOff(Long warehouseId, Long lotId, String reason) {}

    @PostMapping("/write-offs")
    @Operation(summary = "Write off the whole balance of a lot in a warehouse (an expired lot)")
    Map<String, Object> writeOff(Caller caller, @RequestBody WriteOff w) {
        requireIds(w.warehouseId(), w.lotId());
        return Map.of("writtenOff", supply.writeOff(caller, w.warehouseId(), w.lotId(), w.reason()));
    }

    record Adjustment(Long warehouseId, Long lotId, BigDecimal quantity, String reason) {}

    @PostMapping("/adjustments")
    @Operation(summary = "Correct a lot's balance by a signed quantity with a reason")
    Map<String, Object> adjust(Caller caller, @RequestBody Adjustment a) {
        requireIds(a.warehouseId(), a.lotId());
        supply.adjust(caller, a.warehouseId(), a.lotId(), a.quantity(), a.reason());
        return Map.of("adjusted", a.quantity());
    }

    record Transfer(Long fromWarehouseId, Long toWarehouseId, Long lotId, BigDecimal quantity) {}

    @PostMapping("/transfers")
    @Operation(summary = "Transfer a quantity of a lot between warehouses (TRANSFER_OUT and TRANSFER_IN)")
    Map<String, Object> transfer(Caller caller, @RequestBody Transfer t) {
        requireIds(t.fromWarehouseId(), t.lotId());
        requireIds(t.toWarehouseId(), t.lotId());
        supply.transfer(caller, t.fromWarehouseId(), t.toWarehouseId(), t.lotId(), t.quantity());
        return Map.of("transferred", t.quantity());
    }

    private static void requireIds(Long warehouseId, Long lotId) {
        if (warehouseId == null || lotId == null) {
            throw SupplyRefused.invalid("ids_required", "请提供仓库和批次编号");
        }
    }

    @PostMapping("/requisitions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Request items for a region {requesterRegion, lines:[{itemId, quantity}], emergency}; an emergency"
                            + " one is allocated at once and approved after the fact")
    Map<String, Object> request(Caller caller, @RequestBody NewRequisition r) {
        var created = supply.request(caller, r);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", created.id());
        body.put("state", created.state());
        if (created.allocation() != null) {
            body.put("picks", created.allocation().picks());
            body.put("shortfalls", created.allocation().shortfalls());
        }
        return body;
    }

    @GetMapping("/requisitions")
    @Operation(summary = "Requisitions of the jurisdiction, newest first, of one state if given")
    List<RequisitionView> requisitions(Caller caller, @RequestParam(required = false) String state) {
        return supply.requisitions(caller, state);
    }

    @GetMapping("/requisitions/{id}")
    @Operation(summary = "A requisition with lines, picks and approvals")
    RequisitionDetail requisition(Caller caller, @PathVariable long id) {
        return supply.requisition(caller, id);
    }

    @PostMapping("/requisitions/{id}/approve")
    @Operation(summary = "Approve at the next level (1: any approver, 2: county supplies); never by the requester")
    SupplyManagement.Approved approve(Caller caller, @PathVariable long id) {
        return supply.approve(caller, id);
    }

    @PostMapping("/requisitions/{id}/allocate")
    @Operation(summary = "Allocate nearest warehouse first, first-expired-first-out; shortfalls shown, never negative")
    Allocation allocate(Caller caller, @PathVariable long id) {
        return supply.allocate(caller, id);
    }

    record Dispatch(String vehicle, String driver) {}

    @PostMapping("/requisitions/{id}/dispatch")
    @Operation(summary = "Dispatch an allocated requisition {vehicle, driver}")
    Map<String, Object> dispatch(Caller caller, @PathVariable long id, @RequestBody Dispatch d) {
        supply.dispatch(caller, id, d.vehicle(), d.driver());
        return Map.of("id", id, "state", "DISPATCHED");
    }

    record Receive(List<Received> lines) {}

    @PostMapping("/requisitions/{id}/receive")
    @Operation(
            summary = "Confirm receipt {lines:[{itemId, received}]}; a line not mentioned counts as received as"
                    + " dispatched; more or less than dispatched is flagged OVER or SHORT")
    Map<String, Object> receive(Caller caller, @PathVariable long id, @RequestBody Receive r) {
        int flagged = supply.confirmReceipt(caller, id, r.lines());
        var detail = supply.requisition(caller, id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("state", detail.requisition().state());
        body.put("discrepancies", flagged);
        body.put("lines", detail.lines());
        return body;
    }

    @GetMapping("/forecast")
    @Operation(
            summary =
                    "Days of cover per item from the last 14 days' issues, and full testing rounds left for swabs/tubes")
    Forecast forecast(Caller caller, @RequestParam(required = false) String region) {
        return supply.forecast(caller, region);
    }
}
