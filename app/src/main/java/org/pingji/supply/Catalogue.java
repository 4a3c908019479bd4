package org.pingji.supply;

import java.util.List;
import java.util.Optional;
import org.pingji.supply.SupplyViews.CategoryView;
import org.pingji.supply.SupplyViews.ItemView;
import org.pingji.supply.SupplyViews.NewItem;
import org.pingji.supply.SupplyViews.NewWarehouse;
import org.pingji.supply.SupplyViews.SupplierView;
import org.pingji.supply.SupplyViews.WarehouseView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Categories, items, warehouses and suppliers. */
@Component
class Catalogue {

    /** What the stock ledger needs of an item. */
    record ItemFacts(long id, String code, String name, String unit, boolean counted, Integer shelfLifeDays) {
        boolean expires() {
            return shelfLifeDays != null;
        }
    }

    /** What allocation and jurisdiction need of a warehouse. */
    record WarehouseFacts(long id, String name, String regionCode, String regionPath, String level) {}

    private static final String ITEM_SELECT =
            """
            select i.id, i.code, i.name, i.unit, c.name as category, i.counted, i.pack_size, i.shelf_life_days, i.storage
            from supply.items i join supply.categories c on c.id = i.category_id""";

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CategoryView> categories() {
        return jdbc.sql(
                        """
                        select c.id, c.code, c.name, (select count(*) from supply.items i where i.category_id = c.id) as items
                        from supply.categories c order by c.code""")
                .query(CategoryView.class)
                .list();
    }

    long addCategory(String code, String name) {
        return jdbc.sql("insert into supply.categories (code, name) values (?, ?) returning id")
                .params(code, name)
                .query(Long.class)
                .single();
    }

    List<ItemView> items(String category) {
        if (category == null || category.isBlank()) {
            return jdbc.sql(ITEM_SELECT + " order by i.code")
                    .query(ItemView.class)
                    .list();
        }
        return jdbc.sql(ITEM_SELECT + " where c.code = :c or c.name = :c order by i.code")
                .param("c", category.strip())
                .query(ItemView.class)
                .list();
    }

    Optional<ItemFacts> item(long id) {
        return jdbc.sql("select id, code, name, unit, counted, shelf_life_days from supply.items where id = ?")
                .param(id)
                .query(ItemFacts.class)
                .optional();
    }

    long addItem(NewItem item) {
        if (item == null) {
            throw SupplyRefused.invalid("item_invalid", "请提供物资信息");
        }
        require(item.code(), "code", "物资编码");
        require(item.name(), "name", "物资名称");
        require(item.unit(), "unit", "计量单位");
        require(item.category(), "category", "物资类别");
        if (item.shelfLifeDays() != null && item.shelfLifeDays() <= 0) {
            throw SupplyRefused.invalid("shelf_life_invalid", "保质期须为正的天数：" + item.shelfLifeDays());
        }
        if (item.packSize() != null && item.packSize() <= 0) {
            throw SupplyRefused.invalid("pack_size_invalid", "包装规格须为正数：" + item.packSize());
        }
        if (item.roundUse() != null && !List.of("PERSON", "POOL").contains(item.roundUse())) {
            throw SupplyRefused.invalid("round_use_invalid", "roundUse 须为 PERSON 或 POOL：" + item.roundUse());
        }
        Long category = jdbc.sql("select id from supply.categories where code = :c or name = :c order by id limit 1")
                .param("c", item.category().strip())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> SupplyRefused.invalid("unknown_category", "未知物资类别：" + item.category()));
        boolean taken = jdbc.sql("select exists (select 1 from supply.items where code = ?)")
                .param(item.code().strip())
                .query(Boolean.class)
                .single();
        if (taken) {
            throw SupplyRefused.conflict("item_exists", "物资编码已存在：" + item.code());
        }
        return jdbc.sql(
                        """
                        insert into supply.items (code, name, unit, counted, pack_size, shelf_life_days, storage, round_use, category_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        item.code().strip(),
                        item.name().strip(),
                        item.unit().strip(),
                        item.counted() == null || item.counted(),
                        item.packSize() == null ? 1 : item.packSize(),
                        item.shelfLifeDays(),
                        item.storage(),
                        item.roundUse(),
                        category)
                .query(Long.class)
                .single();
    }

    private static void require(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            throw SupplyRefused.invalid("item_invalid", "%s: 请填写%s".formatted(field, label));
        }
    }

    List<WarehouseView> warehouses(String pathPattern) {
        return jdbc.sql(
                        """
                        select w.id, w.name, w.region_code, w.region_name, w.level, w.keeper, w.phone, w.location
                        from supply.warehouses w where w.region_path like ?
                        order by case w.level when 'COUNTY' then 0 when 'TOWNSHIP' then 1 else 2 end, w.region_code, w.id""")
                .param(pathPattern)
                .query(WarehouseView.class)
                .list();
    }

    Optional<WarehouseFacts> warehouse(long id) {
        return jdbc.sql("select id, name, region_code, region_path, level from supply.warehouses where id = ?")
                .param(id)
                .query(WarehouseFacts.class)
                .optional();
    }

    long addWarehouse(NewWarehouse w, String regionName, String regionPath) {
        return jdbc.sql(
                        """
                        insert into supply.warehouses (name, region_code, region_name, region_path, level, keeper, phone, location, place_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        w.name(),
                        w.regionCode(),
                        regionName,
                        regionPath,
                        w.level(),
                        w.keeper(),
                        w.phone(),
                        w.location(),
                        w.placeId())
                .query(Long.class)
                .single();
    }

    List<SupplierView> suppliers() {
        return jdbc.sql(
                        """
                        select id, name, contact, phone, region_code, product_lines, daily_capacity, agreement_reserve
                        from supply.suppliers order by id""")
                .query(SupplierView.class)
                .list();
    }

    boolean supplierExists(long id) {
        return jdbc.sql("select exists (select 1 from supply.suppliers where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }
}
