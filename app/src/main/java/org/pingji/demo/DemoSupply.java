package org.pingji.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.Site;
import org.pingji.grid.PlaceKind;
import org.pingji.supply.SupplyBulk;
import org.pingji.supply.SupplyBulk.NewSupplier;
import org.pingji.supply.SupplyBulk.PastIssue;
import org.pingji.supply.SupplyBulk.SeedLot;
import org.pingji.supply.SupplyManagement;
import org.pingji.supply.SupplyViews.Line;
import org.pingji.supply.SupplyViews.NewItem;
import org.pingji.supply.SupplyViews.NewRequisition;
import org.pingji.supply.SupplyViews.NewWarehouse;
import org.pingji.supply.SupplyViews.Received;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The county's reserves: 93 categories (demo/supply-categories.csv) with their items, the county
 * store and a store in every township (the grid's WAREHOUSE places first), 30 supply-guarantee
 * enterprises, lots in every store (some within 30/90/180 days of expiry, one 84 disinfectant lot
 * expired) with two weeks of daily issues of masks, swabs and tubes, stock levels, and a few
 * requisitions of the first township in each state.
 */
@Component
class DemoSupply {

    private static final Logger log = LoggerFactory.getLogger(DemoSupply.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final SupplyBulk bulk;
    private final SupplyManagement supply;
    private final GridManagement grid;
    private final Clock clock;

    DemoSupply(SupplyBulk bulk, SupplyManagement supply, GridManagement grid, Clock clock) {
        this.bulk = bulk;
        this.supply = supply;
        this.grid = grid;
        this.clock = clock;
    }

    private record Category(
            String code,
            String name,
            String unit,
            Integer shelfLifeDays,
            String storage,
            String[] variants,
            String roundUse,
            int base) {}

    private record Item(long id, Category category, String name) {}

    private record Store(long id, boolean county) {}

    void create(SplittableRandom random, Map<String, String> townships) {
        long started = System.nanoTime();
        List<Item> items = new ArrayList<>();
        for (Category c : categories()) {
            bulk.addCategory(c.code(), c.name());
            for (int v = 0; v < c.variants().length; v++) {
                String variant = c.variants()[v];
                String name = variant.equals("通用") ? c.name() : c.name() + "（" + variant + "）";
                long id = bulk.addItem(new NewItem(
                        c.code() + "-" + (v + 1),
                        name,
                        c.unit(),
                        c.code(),
                        c.shelfLifeDays(),
                        true,
                        1,
                        c.storage(),
                        v == 0 ? c.roundUse() : null));
                items.add(new Item(id, c, name));
            }
        }
        List<Store> stores = warehouses(townships);
        List<Long> suppliers = suppliers(random);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        Instant now = Instant.now(clock);
        List<SeedLot> lots = new ArrayList<>();
        int n = 0;
        for (Item item : items) {
            Category c = item.category();
            boolean daily = List.of("C01", "C02", "C12", "C13").contains(c.code());
            for (Store store : stores) {
                int count = store.county() ? 2 : 1;
                for (int k = 0; k < count; k++) {
                    n++;
                    int quantity = Math.max(
                            1, (int) (c.base() * (store.county() ? 1.2 : 0.18) * (0.6 + random.nextDouble(0.8))));
                    LocalDate produced = today.minusDays(30 + random.nextInt(200));
                    LocalDate expires = null;
                    if (c.shelfLifeDays() != null) {
                        expires = produced.plusDays(c.shelfLifeDays());
                        if (store.county() && k == 0 && n % 7 == 0) {
                            // near expiry: flagged at 30 / 90 / 180 days
                            expires = today.plusDays(new int[] {20, 75, 150}[(n / 7) % 3]);
                            produced = expires.minusDays(c.shelfLifeDays());
                        }
                        if (expires.isBefore(today.plusDays(1))) {
                            expires = today.plusDays(200 + random.nextInt(300));
                        }
                    }
                    List<PastIssue> issues = new ArrayList<>();
                    if (daily) {
                        int perDay = Math.max(1, quantity / 60);
                        for (int d = 1; d <= 14; d++) {
                            issues.add(new PastIssue(now.minus(d, ChronoUnit.DAYS), BigDecimal.valueOf(perDay)));
                        }
                        quantity += perDay * 14;
                    }
                    lots.add(new SeedLot(
                            store.id(),
                            item.id(),
                            "L%s%05d".formatted(produced.toString().replace("-", ""), n),
                            produced,
                            expires,
                            suppliers.get(n % suppliers.size()),
                            BigDecimal.valueOf(quantity),
                            produced.plusDays(10).atStartOfDay(ZONE).toInstant(),
                            issues));
                }
                int level = (int) (c.base() * (store.county() ? 0.3 : 0.08));
                bulk.setLevels(
                        store.id(),
                        item.id(),
                        BigDecimal.valueOf(level),
                        BigDecimal.valueOf(level * 2L),
                        BigDecimal.valueOf(c.base() * (store.county() ? 3L : 1L)));
            }
        }
        // one lot of 84 disinfectant in the county store expired ten days ago
        Item disinfectant = items.stream()
                .filter(i -> i.category().code().equals("C23"))
                .findFirst()
                .orElseThrow();
        lots.add(new SeedLot(
                stores.getFirst().id(),
                disinfectant.id(),
                "L-EXPIRED-84",
                today.minusDays(375),
                today.minusDays(10),
                suppliers.getFirst(),
                BigDecimal.valueOf(40),
                today.minusDays(370).atStartOfDay(ZONE).toInstant(),
                List.of()));
        long ledgerRows = bulk.seedLots(lots, "supplies1");
        requisitions(items, townships);
        log.info(
                "Demo supplies: {} items, {} stores, {} lots, {} ledger rows in {} ms",
                items.size(),
                stores.size(),
                lots.size(),
                ledgerRows,
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<Store> warehouses(Map<String, String> townships) {
        List<Store> stores = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (Site site : grid.sitesIn(DemoCounty.COUNTY_CODE, PlaceKind.WAREHOUSE)) {
            String township = townships.entrySet().stream()
                    .filter(t -> site.name().startsWith(t.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            boolean county = township == null;
            long id = bulk.registerWarehouse(new NewWarehouse(
                    site.name(),
                    county ? DemoCounty.COUNTY_CODE : township,
                    county ? "COUNTY" : "TOWNSHIP",
                    county ? "县应急管理局 王建国" : site.name().substring(0, 3) + "物资员",
                    "0357-68" + String.format("%05d", site.id() % 100_000),
                    "网格 " + site.microGridCode(),
                    site.id()));
            if (county) {
                stores.addFirst(new Store(id, true));
            } else {
                covered.add(township);
                stores.add(new Store(id, false));
            }
        }
        townships.forEach((code, name) -> {
            if (!covered.contains(code)) {
                long id = bulk.registerWarehouse(new NewWarehouse(
                        name + "物资储备点", code, "TOWNSHIP", name + "物资员", "0357-6800" + code.substring(7), name, null));
                stores.add(new Store(id, false));
            }
        });
        return stores;
    }

    private List<Long> suppliers(SplittableRandom random) {
        String[] places = {"临汾", "太原", "运城", "晋中", "长治", "乡宁", "吉县", "侯马", "襄汾", "洪洞"};
        String[] trades = {"医疗器械有限公司", "医药有限公司", "防护用品有限公司", "生物科技有限公司", "消毒制品有限公司", "食品有限公司"};
        String[] lines = {
            "医用口罩,防护服,隔离衣", "布洛芬片,连花清瘟胶囊", "医用口罩,手套,鞋套", "采样拭子,采样管,核酸检测试剂", "84消毒液,含氯消毒片,75%酒精", "方便面,矿泉水,大米"
        };
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int trade = i % trades.length;
            ids.add(bulk.addSupplier(new NewSupplier(
                    places[i % places.length] + (i < places.length ? "" : "市" + "华康泰安恒瑞".charAt(i / 10)) + "保供"
                            + trades[trade],
                    surnames[(i * 3) % surnames.length] + "经理",
                    "13" + (500000000L + random.nextInt(400_000_000)),
                    i % 3 == 0 ? DemoCounty.COUNTY_CODE : "141000",
                    lines[trade],
                    500 + random.nextInt(20) * 500,
                    1000 + random.nextInt(10) * 1000)));
        }
        return ids;
    }

    private void requisitions(List<Item> items, Map<String, String> townships) {
        String township = townships.keySet().iterator().next();
        String path = grid.findRegion(township).orElseThrow().path();
        Caller requester = new Caller(0, "township1", "乡镇干部", Role.TOWNSHIP_OFFICER, township, path);
        Caller commander =
                new Caller(0, "commander", "县指挥部总指挥", Role.COUNTY_COMMANDER, DemoCounty.COUNTY_CODE, "/141029/");
        Caller officer = new Caller(0, "supplies1", "物资保障员", Role.SUPPLIES_OFFICER, DemoCounty.COUNTY_CODE, "/141029/");
        String[] notes = {"核酸采样点补充", "隔离点日常", "卡口值守", "社区消杀", "学校开学储备", "集中隔离点"};
        for (int state = 0; state < 6; state++) {
            List<Line> lines = List.of(
                    new Line(items.get(state * 7).id(), BigDecimal.valueOf(20 + state * 10)),
                    new Line(items.get(state * 7 + 3).id(), BigDecimal.valueOf(10 + state * 5)));
            long id = supply.request(requester, new NewRequisition(township, lines, false, notes[state]))
                    .id();
            if (state >= 1) {
                supply.approve(commander, id);
            }
            if (state >= 2) {
                supply.approve(officer, id);
            }
            if (state >= 3) {
                supply.allocate(officer, id);
            }
            if (state >= 4) {
                supply.dispatch(officer, id, "晋L·A" + (1230 + state), "刘师傅");
            }
            if (state >= 5) {
                supply.confirmReceipt(requester, id, List.<Received>of());
            }
        }
        supply.request(
                requester,
                new NewRequisition(
                        township, List.of(new Line(items.get(22).id(), BigDecimal.valueOf(500))), true, "突发疫情紧急调拨"));
    }

    private static List<Category> categories() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/supply-categories.csv").getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split(",", -1))
                    .map(c -> new Category(
                            c[0],
                            c[1],
                            c[2],
                            c[3].isBlank() ? null : Integer.valueOf(c[3]),
                            c[4],
                            c[5].split(";"),
                            c[6].isBlank() ? null : c[6],
                            Integer.parseInt(c[7])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
