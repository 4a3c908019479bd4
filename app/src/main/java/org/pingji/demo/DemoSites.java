package org.pingji.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pingji.demo.DemoCounty.MicroGrid;
import org.pingji.demo.DemoCounty.Village;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.NewPlace;
import org.pingji.grid.PlaceKind;
import org.pingji.testing.TestingManagement;
import org.springframework.stereotype.Component;

/** Shops, venues, compounds, checkpoints, quarantine sites, warehouses, collection points and tables. */
@Component
class DemoSites {

    private final GridManagement grid;
    private final TestingManagement testing;

    DemoSites(GridManagement grid, TestingManagement testing) {
        this.grid = grid;
        this.testing = testing;
    }

    void create(SplittableRandom random, List<Village> villages, List<MicroGrid> microGrids) {
        List<NewPlace> places = new ArrayList<>();
        // 4,500 shops and venues, more in communities (the county seat's streets).
        List<MicroGrid> weighted = new ArrayList<>();
        for (MicroGrid m : microGrids) {
            for (int i = 0; i < (m.village().community() ? 4 : 1); i++) {
                weighted.add(m);
            }
        }
        for (int i = 0; i < 4_500; i++) {
            MicroGrid m = weighted.get(random.nextInt(weighted.size()));
            boolean venue = i % 5 == 4;
            String category = venue
                    ? DemoNames.VENUE_CATEGORIES[random.nextInt(DemoNames.VENUE_CATEGORIES.length)]
                    : DemoNames.SHOP_CATEGORIES[random.nextInt(DemoNames.SHOP_CATEGORIES.length)];
            String village = DemoNames.shortVillage(m.village().name());
            places.add(new NewPlace(
                    venue ? PlaceKind.VENUE : PlaceKind.SHOP,
                    village + DemoNames.shop(random, category),
                    village + "街" + (1 + random.nextInt(200)) + "号",
                    category,
                    m.code(),
                    null,
                    null));
        }
        // Compounds in communities: three per micro-grid.
        for (MicroGrid m : microGrids) {
            if (m.village().community()) {
                for (int c = 1; c <= 3; c++) {
                    String name = DemoNames.shortVillage(m.village().name())
                            + m.code().substring(12) + "-" + c + "号小区";
                    places.add(new NewPlace(PlaceKind.COMPOUND, name, name, null, m.code(), null, null));
                }
            }
        }
        String[] directions = {"东", "西", "南", "北"};
        for (int i = 0; i < 13; i++) {
            MicroGrid m = microGrids.get((i * 89) % microGrids.size());
            String name = DemoNames.shortVillage(m.village().name()) + directions[i % 4] + "卡口";
            places.add(new NewPlace(PlaceKind.CHECKPOINT, name, name, "交通卡口", m.code(), null, "CP" + (i + 1)));
        }
        for (int i = 0; i < 4; i++) {
            MicroGrid m = microGrids.get(i * 297 + 5);
            places.add(new NewPlace(
                    PlaceKind.QUARANTINE_SITE,
                    "乡宁县第" + (i + 1) + "集中隔离点",
                    DemoNames.shortVillage(m.village().name()),
                    "集中隔离点",
                    m.code(),
                    null,
                    "QS" + (i + 1)));
        }
        String[] warehouses = {"乡宁县应急物资储备库", "昌宁镇物资储备点", "光华镇物资储备点"};
        for (int i = 0; i < warehouses.length; i++) {
            places.add(new NewPlace(
                    PlaceKind.WAREHOUSE,
                    warehouses[i],
                    null,
                    "物资仓库",
                    microGrids.get(i * 400).code(),
                    null,
                    "WH" + (i + 1)));
        }
        grid.addPlaces(places);

        // 117 collection points (one in each of the first 117 villages), 274 sampling tables:
        // two per point, three at the 40 points in the largest villages.
        List<NewPlace> points = new ArrayList<>();
        List<MicroGrid> pointGrids = new ArrayList<>();
        for (int i = 0; i < 117; i++) {
            Village village = villages.get(i);
            MicroGrid m = microGrids.stream()
                    .filter(g -> g.village() == village)
                    .findFirst()
                    .orElseThrow();
            String name = DemoNames.shortVillage(village.name()) + "核酸采样点";
            points.add(new NewPlace(PlaceKind.COLLECTION_POINT, name, name, null, m.code(), null, "CL" + (i + 1)));
            pointGrids.add(m);
        }
        long[] pointIds = grid.addPlaces(points);
        List<NewPlace> tables = new ArrayList<>();
        for (int i = 0; i < pointIds.length; i++) {
            int count = i < 40 ? 3 : 2;
            for (int t = 1; t <= count; t++) {
                tables.add(new NewPlace(
                        PlaceKind.SAMPLING_TABLE,
                        points.get(i).name() + t + "号采样台",
                        null,
                        null,
                        pointGrids.get(i).code(),
                        pointIds[i],
                        "ST" + (i + 1) + "-" + t));
            }
        }
        long[] tableIds = grid.addPlaces(tables);
        // sampler1 (jurisdiction: the first township) works at every table of that township.
        String firstTownship = villages.getFirst().townshipCode();
        List<Long> township = new ArrayList<>();
        for (int i = 0; i < tableIds.length; i++) {
            if (tables.get(i).microGridCode().startsWith(firstTownship)) {
                township.add(tableIds[i]);
            }
        }
        testing.seedAssignments(township, "sampler1");
    }
}
