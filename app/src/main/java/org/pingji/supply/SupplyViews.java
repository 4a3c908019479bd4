package org.pingji.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The values the supplies facade takes and answers. Quantities are in the item's unit. */
public final class SupplyViews {

    private SupplyViews() {}

    /** A catalogue category (the demo county has 93). */
    public record CategoryView(long id, String code, String name, long items) {}

    /**
     * An item of the catalogue.
     *
     * @param counted true when the unit is counted (pieces, boxes): quantities are whole numbers
     * @param shelfLifeDays null when the item does not expire
     */
    public record ItemView(
            long id,
            String code,
            String name,
            String unit,
            String category,
            boolean counted,
            int packSize,
            Integer shelfLifeDays,
            String storage) {}

    /**
     * An item to add; {@code category} is a category's code or name; {@code roundUse} is PERSON
     * (one per person sampled: swabs), POOL (one per pooled tube) or null.
     */
    public record NewItem(
            String code,
            String name,
            String unit,
            String category,
            Integer shelfLifeDays,
            Boolean counted,
            Integer packSize,
            String storage,
            String roundUse) {}

    /** A warehouse at county, township or village level. */
    public record WarehouseView(
            long id,
            String name,
            String regionCode,
            String regionName,
            String level,
            String keeper,
            String phone,
            String location) {}

    /** A warehouse to register (the demo's come from the grid's WAREHOUSE places). */
    public record NewWarehouse(
            String name, String regionCode, String level, String keeper, String phone, String location, Long placeId) {}

    /** A supply-guarantee enterprise (保供企业) with its product lines and daily capacity. */
    public record SupplierView(
            long id,
            String name,
            String contact,
            String phone,
            String regionCode,
            String productLines,
            int dailyCapacity,
            int agreementReserve) {}

    /** A receipt into stock of one lot of an item. */
    public record Receipt(
            Long warehouseId,
            Long itemId,
            String lot,
            LocalDate producedOn,
            LocalDate expiresOn,
            BigDecimal quantity,
            Long supplierId) {}

    /**
     * The balance of one lot in one warehouse.
     *
     * @param expiryFlag EXPIRED, or D30 / D90 / D180 when it expires within that many days, else null
     */
    public record LotStock(
            long warehouseId,
            String warehouseName,
            long lotId,
            String lot,
            LocalDate producedOn,
            LocalDate expiresOn,
            BigDecimal quantity,
            String expiryFlag) {}

    /** An item's stock in one warehouse against its minimum, reorder point and maximum. */
    public record WarehouseStock(
            long warehouseId,
            String warehouseName,
            BigDecimal quantity,
            BigDecimal minimum,
            BigDecimal reorder,
            BigDecimal maximum,
            String status) {}

    /** An item's stock in the asked region: lots, per-warehouse totals and statuses, totals. */
    public record Stock(
            long itemId,
            String itemName,
            String unit,
            BigDecimal total,
            BigDecimal available,
            BigDecimal expired,
            List<LotStock> lots,
            List<WarehouseStock> warehouses) {}

    /** One line of the stock overview: an item's totals, nearest expiry and worst status. */
    public record StockRow(
            long itemId,
            String code,
            String name,
            String category,
            String unit,
            BigDecimal total,
            BigDecimal expired,
            LocalDate nearestExpiry,
            String expiryFlag,
            String status,
            int belowMinimum) {}

    /** A line of a requisition to make. */
    public record Line(Long itemId, BigDecimal quantity) {}

    /** A requisition to make for a region of the requester's jurisdiction. */
    public record NewRequisition(String requesterRegion, List<Line> lines, Boolean emergency, String note) {
        /** True on the emergency fast path. */
        public boolean urgent() {
            return Boolean.TRUE.equals(emergency);
        }
    }

    /** A pick: how much of which lot to take from which warehouse for a requisition. */
    public record Pick(
            long warehouseId,
            String warehouseName,
            long lotId,
            String lot,
            LocalDate expiresOn,
            long itemId,
            String itemName,
            BigDecimal quantity) {}

    /** What could not be allocated of a line. */
    public record Shortfall(
            long itemId, String itemName, BigDecimal requested, BigDecimal allocated, BigDecimal shortfall) {}

    /** The outcome of an allocation: the picks made now and what is still short. */
    public record Allocation(long requisitionId, String state, List<Pick> picks, List<Shortfall> shortfalls) {}

    /** An approval of a requisition; {@code afterTheFact} for an emergency already allocated. */
    public record ApprovalView(int level, String username, Instant at, boolean afterTheFact) {}

    /** A requisition as listed. */
    public record RequisitionView(
            long id,
            String requesterRegion,
            String requesterName,
            String requestedBy,
            boolean emergency,
            String state,
            int approvals,
            String note,
            Instant createdAt,
            String vehicle,
            String driver,
            Instant dispatchedAt,
            Instant receivedAt,
            int lines) {}

    /** A line of a requisition with what was allocated and received. */
    public record LineView(
            long lineId,
            int lineNo,
            long itemId,
            String itemCode,
            String itemName,
            String unit,
            BigDecimal quantity,
            BigDecimal allocated,
            BigDecimal received,
            String discrepancy) {}

    /** A requisition with its lines, picks and approvals. */
    public record RequisitionDetail(
            RequisitionView requisition, List<LineView> lines, List<Pick> picks, List<ApprovalView> approvals) {}

    /** A received line: how much of the item arrived. */
    public record Received(Long itemId, BigDecimal received) {}

    /**
     * Days of cover of an item in a region.
     *
     * @param dailyUse mean daily issues over the last 14 days
     * @param daysOfCover on hand / daily use, null when nothing was issued
     * @param fullRounds for swabs and tubes, how many more full testing rounds of the region the
     *     stock covers at the current round's pool size; null for other items
     */
    public record ForecastRow(
            long itemId,
            String itemName,
            String unit,
            BigDecimal onHand,
            BigDecimal dailyUse,
            BigDecimal daysOfCover,
            Long fullRounds) {}

    /** The forecast of a region with the assumptions its round figures rest on. */
    public record Forecast(
            String regionCode, int poolSize, long population, String assumption, List<ForecastRow> rows) {}
}
