package org.pingji.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.pingji.access.AccessManagement;
import org.pingji.access.AccessManagement.NewUser;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.NewGridWorker;
import org.pingji.grid.GridManagement.NewPlace;
import org.pingji.grid.GridManagement.NewRegion;
import org.pingji.grid.GridWorkerView.Employment;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.RegionLevel;
import org.pingji.person.NewPerson;
import org.pingji.person.PersonDirectory;
import org.pingji.person.PersonManagement;
import org.pingji.person.ResidenceKind;
import org.pingji.person.ResidentId;
import org.pingji.quarantine.QuarantineManagement;
import org.pingji.testing.TestingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates Xiangning County (乡宁县, 141029) on its real townships and villages: grids and
 * exactly 1,189 micro-grids below the villages, households and persons with valid resident
 * IDs, 405 grid workers (225 full-time), 4,500 shops and venues, 13 checkpoints, 117 collection
 * points with 274 sampling tables, quarantine sites, warehouses and the demo accounts. The same
 * seed gives the same county. Runs in one transaction: a failed run leaves nothing behind.
 */
@Component
class DemoCounty {

    static final String COUNTY_CODE = "141029";
    static final int MICRO_GRIDS = 1_189;
    static final int GRID_WORKERS = 405;
    static final int FULL_TIME_WORKERS = 225;
    static final String DEMO_PASSWORD = "demo";
    private static final LocalDate REFERENCE_DAY = LocalDate.of(2022, 3, 16);
    private static final String[] TEMPORARY_ORIGINS = {"141002", "141021", "141034", "141081", "140105", "140402"};
    private static final String[] OTHER_ORIGINS = {"610102", "410105", "130102", "370102", "510104", "320102"};
    private static final int[] HOUSEHOLD_SIZE_WEIGHTS = {12, 25, 27, 22, 10, 4};

    private static final Logger log = LoggerFactory.getLogger(DemoCounty.class);

    private final GridManagement grid;
    private final PersonManagement persons;
    private final AccessManagement access;
    private final TestingManagement testing;
    private final TransactionTemplate transaction;
    private final PersonDirectory directory;
    private final QuarantineManagement quarantine;

    DemoCounty(
            GridManagement grid,
            PersonManagement persons,
            AccessManagement access,
            TestingManagement testing,
            TransactionTemplate transaction,
            PersonDirectory directory,
            QuarantineManagement quarantine) {
        this.quarantine = quarantine;
        this.grid = grid;
        this.persons = persons;
        this.access = access;
        this.testing = testing;
        this.transaction = transaction;
        this.directory = directory;
    }

    record Village(String code, String name, String townshipCode) {
        boolean community() {
            return name.contains("社区");
        }
    }

    record MicroGrid(String code, Village village) {}

    /** Generates the county when the database holds no regions yet; returns true if it did. */
    boolean generateIfEmpty(DemoSettings settings) {
        if (grid.regionCount() > 0) {
            return false;
        }
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> generate(settings));
        log.info(
                "Demo county generated: {} persons in {} ms",
                settings.persons(),
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private void generate(DemoSettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        Map<String, String> townships = readCsv("demo/xiangning-townships.csv", 0, 1);
        List<Village> villages = readVillages();
        List<MicroGrid> microGrids = createRegions(townships, villages);
        createSites(random, villages, microGrids);
        quarantine.furnishSites(COUNTY_CODE, 50);
        createPopulation(random, microGrids, settings.persons());
        createUsersAndWorkers(random, townships, villages, microGrids);
        // resident1 sees the status and code of the first person of the first micro-grid
        directory.firstIn(microGrids.getFirst().code()).ifPresent(p -> access.linkPerson("resident1", p.id()));
    }

    private List<MicroGrid> createRegions(Map<String, String> townships, List<Village> villages) {
        List<NewRegion> regions = new ArrayList<>();
        Rect county = new Rect(110.55, 35.80, 111.15, 36.25);
        regions.add(new NewRegion(COUNTY_CODE, "乡宁县", RegionLevel.COUNTY, null, county.geoJson()));
        List<String> townshipCodes = new ArrayList<>(townships.keySet());
        List<Rect> townshipCells = county.split(townshipCodes.size());
        List<MicroGrid> microGrids = new ArrayList<>(MICRO_GRIDS);
        // 1,189 = 141 * 8 + 61: the first 61 villages get 9 micro-grids, the others 8.
        int extra = MICRO_GRIDS - villages.size() * (MICRO_GRIDS / villages.size());
        int villageIndex = 0;
        for (int t = 0; t < townshipCodes.size(); t++) {
            String townshipCode = townshipCodes.get(t);
            regions.add(new NewRegion(
                    townshipCode,
                    townships.get(townshipCode),
                    RegionLevel.TOWNSHIP,
                    COUNTY_CODE,
                    townshipCells.get(t).geoJson()));
            List<Village> inTownship = villages.stream()
                    .filter(v -> v.townshipCode().equals(townshipCode))
                    .toList();
            List<Rect> villageCells = townshipCells.get(t).split(inTownship.size());
            for (int v = 0; v < inTownship.size(); v++, villageIndex++) {
                Village village = inTownship.get(v);
                String shortName = DemoNames.shortVillage(village.name());
                regions.add(new NewRegion(
                        village.code(),
                        village.name(),
                        RegionLevel.VILLAGE,
                        townshipCode,
                        villageCells.get(v).geoJson()));
                int microCount = MICRO_GRIDS / villages.size() + (villageIndex < extra ? 1 : 0);
                int[] perGrid = {3, 3, microCount - 6};
                List<Rect> gridCells = villageCells.get(v).split(perGrid.length);
                for (int g = 0; g < perGrid.length; g++) {
                    String gridCode = village.code() + "%02d".formatted(g + 1);
                    regions.add(new NewRegion(
                            gridCode,
                            shortName + "第" + (g + 1) + "网格",
                            RegionLevel.GRID,
                            village.code(),
                            gridCells.get(g).geoJson()));
                    List<Rect> microCells = gridCells.get(g).split(perGrid[g]);
                    for (int m = 0; m < perGrid[g]; m++) {
                        String microCode = gridCode + "%02d".formatted(m + 1);
                        regions.add(new NewRegion(
                                microCode,
                                shortName + "第" + (g + 1) + "网格第" + (m + 1) + "微网格",
                                RegionLevel.MICRO_GRID,
                                gridCode,
                                microCells.get(m).geoJson()));
                        microGrids.add(new MicroGrid(microCode, village));
                    }
                }
            }
        }
        if (microGrids.size() != MICRO_GRIDS) {
            throw new IllegalStateException(
                    "Demo county has %d micro-grids, expected %d".formatted(microGrids.size(), MICRO_GRIDS));
        }
        grid.createRegions(regions);
        return microGrids;
    }

    private void createSites(SplittableRandom random, List<Village> villages, List<MicroGrid> microGrids) {
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

    private void createPopulation(SplittableRandom random, List<MicroGrid> microGrids, int total) {
        int[] perGrid = distribute(random, microGrids, total);
        Set<String> issued = new HashSet<>(total * 2);
        List<NewPerson> batch = new ArrayList<>();
        List<Integer> batchHouseholdIndex = new ArrayList<>();
        List<NewPlace> households = new ArrayList<>();
        for (int g = 0; g < microGrids.size(); g++) {
            MicroGrid m = microGrids.get(g);
            String village = DemoNames.shortVillage(m.village().name());
            int remaining = perGrid[g];
            int householdNo = 0;
            while (remaining > 0) {
                int size = Math.min(remaining, householdSize(random));
                householdNo++;
                String address = m.village().community()
                        ? "%s%d号楼%d单元%d室"
                                .formatted(village, 1 + householdNo / 24, 1 + householdNo % 3, 101 + householdNo % 8)
                        : "%s%d号".formatted(village, householdNo);
                households.add(new NewPlace(
                        PlaceKind.HOUSEHOLD, address, address, null, m.code(), null, "%04d".formatted(householdNo)));
                String surname = null;
                for (int i = 0; i < size; i++) {
                    String name = DemoNames.person(random);
                    surname = surname == null ? name.substring(0, 1) : surname;
                    if (i < 2 || random.nextInt(3) > 0) {
                        name = surname + name.substring(1);
                    }
                    ResidenceKind residence = residence(random);
                    batch.add(new NewPerson(
                            name, residentId(random, residence, issued), phone(random), m.code(), null, residence));
                    batchHouseholdIndex.add(households.size() - 1);
                }
                remaining -= size;
            }
            if (batch.size() >= 20_000 || g == microGrids.size() - 1) {
                long[] householdIds = grid.addPlaces(households);
                List<NewPerson> linked = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    NewPerson p = batch.get(i);
                    linked.add(new NewPerson(
                            p.name(),
                            p.residentId(),
                            p.phone(),
                            p.microGridCode(),
                            householdIds[batchHouseholdIndex.get(i)],
                            p.residence()));
                }
                persons.bulkRegister(linked);
                batch.clear();
                batchHouseholdIndex.clear();
                households.clear();
            }
        }
    }

    /** Persons per micro-grid: communities four times as dense, exact total by largest remainder. */
    static int[] distribute(SplittableRandom random, List<MicroGrid> microGrids, int total) {
        double[] weights = new double[microGrids.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (microGrids.get(i).village().community() ? 4.0 : 1.0) * (0.7 + 0.6 * random.nextDouble());
            sum += weights[i];
        }
        int[] counts = new int[weights.length];
        int assigned = 0;
        double[] remainders = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            double exact = Math.max(1, total * weights[i] / sum);
            counts[i] = (int) exact;
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int i = 0; assigned < total; i = (i + 1) % order.length) {
            counts[order[i]]++;
            assigned++;
        }
        for (int i = order.length - 1; assigned > total; i = (i + order.length - 1) % order.length) {
            if (counts[order[i]] > 1) {
                counts[order[i]]--;
                assigned--;
            }
        }
        return counts;
    }

    private static int householdSize(SplittableRandom random) {
        int r = random.nextInt(100);
        for (int size = 0; size < HOUSEHOLD_SIZE_WEIGHTS.length; size++) {
            r -= HOUSEHOLD_SIZE_WEIGHTS[size];
            if (r < 0) {
                return size + 1;
            }
        }
        return HOUSEHOLD_SIZE_WEIGHTS.length;
    }

    private static ResidenceKind residence(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 85 ? ResidenceKind.REGISTERED : r < 95 ? ResidenceKind.TEMPORARY : ResidenceKind.NON_RESIDENT;
    }

    /** A valid, unique resident ID: origin division, birth date before 2022-03-16, sequence, check digit. */
    static String residentId(SplittableRandom random, ResidenceKind residence, Set<String> issued) {
        String origin =
                switch (residence) {
                    case REGISTERED, AWAY -> COUNTY_CODE;
                    case TEMPORARY -> TEMPORARY_ORIGINS[random.nextInt(TEMPORARY_ORIGINS.length)];
                    case NON_RESIDENT -> OTHER_ORIGINS[random.nextInt(OTHER_ORIGINS.length)];
                };
        while (true) {
            LocalDate birth = REFERENCE_DAY.minusDays(1 + random.nextInt(90 * 365));
            String first17 = origin
                    + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                    + "%03d".formatted(random.nextInt(1000));
            String id = first17 + ResidentId.checkCharacter(first17);
            if (issued.add(id)) {
                return id;
            }
        }
    }

    private static String phone(SplittableRandom random) {
        if (random.nextInt(10) < 2) {
            return null;
        }
        String[] prefixes = {"135", "138", "139", "150", "152", "158", "177", "187", "189", "199"};
        return prefixes[random.nextInt(prefixes.length)] + "%08d".formatted(random.nextInt(100_000_000));
    }

    private void createUsersAndWorkers(
            SplittableRandom random,
            Map<String, String> townships,
            List<Village> villages,
            List<MicroGrid> microGrids) {
        String firstTownship = townships.keySet().iterator().next();
        String firstVillage = villages.getFirst().code();
        List<NewUser> users = new ArrayList<>(List.of(
                new NewUser("admin", "系统管理员", DEMO_PASSWORD, Role.ADMIN, COUNTY_CODE),
                new NewUser("commander", "县指挥部总指挥", DEMO_PASSWORD, Role.COUNTY_COMMANDER, COUNTY_CODE),
                new NewUser("coleader", "县指挥部副组长", DEMO_PASSWORD, Role.COUNTY_COMMANDER, COUNTY_CODE),
                new NewUser(
                        "township1",
                        townships.get(firstTownship) + "干部",
                        DEMO_PASSWORD,
                        Role.TOWNSHIP_OFFICER,
                        firstTownship),
                new NewUser(
                        "village1",
                        DemoNames.shortVillage(villages.getFirst().name()) + "干部",
                        DEMO_PASSWORD,
                        Role.VILLAGE_OFFICER,
                        firstVillage),
                new NewUser("sampler1", "采样员", DEMO_PASSWORD, Role.SAMPLER, firstTownship),
                new NewUser("lab1", "检测实验室", DEMO_PASSWORD, Role.LAB, COUNTY_CODE),
                new NewUser("checkpoint1", "卡口值守人员", DEMO_PASSWORD, Role.CHECKPOINT_STAFF, firstTownship),
                new NewUser("epi1", "流调人员", DEMO_PASSWORD, Role.EPIDEMIOLOGIST, COUNTY_CODE),
                new NewUser("quarantine1", "隔离点管理员", DEMO_PASSWORD, Role.QUARANTINE_MANAGER, COUNTY_CODE),
                new NewUser("inspector1", "督查组成员", DEMO_PASSWORD, Role.INSPECTOR, COUNTY_CODE),
                new NewUser("supplies1", "物资保障员", DEMO_PASSWORD, Role.SUPPLIES_OFFICER, COUNTY_CODE),
                new NewUser("duty1", "值班员", DEMO_PASSWORD, Role.DUTY_OFFICER, COUNTY_CODE),
                new NewUser(
                        "resident1",
                        "居民",
                        DEMO_PASSWORD,
                        Role.RESIDENT,
                        microGrids.getFirst().code())));
        List<NewGridWorker> workers = new ArrayList<>(GRID_WORKERS);
        for (var assignment : assignWorkers(microGrids).entrySet()) {
            int n = assignment.getKey();
            List<String> codes = assignment.getValue();
            String username = "gridworker" + n;
            String name = DemoNames.person(random);
            Employment employment = (n - 1) % 9 < 5 ? Employment.FULL_TIME : Employment.PART_TIME;
            workers.add(new NewGridWorker(username, name, employment, codes));
            users.add(new NewUser(username, name + "（网格员）", DEMO_PASSWORD, Role.GRID_WORKER, commonAncestor(codes)));
        }
        access.createUsersWithSharedPassword(users, DEMO_PASSWORD);
        grid.registerGridWorkers(workers);
    }

    /**
     * Assigns the micro-grids to 405 workers, never across a village: gridworker1 keeps one
     * micro-grid, the other 1,188 go to 404 workers in runs of two or three.
     */
    private static Map<Integer, List<String>> assignWorkers(List<MicroGrid> microGrids) {
        Map<Integer, List<String>> byWorker = new TreeMap<>();
        byWorker.put(1, List.of(microGrids.getFirst().code()));
        List<MicroGrid> rest = microGrids.subList(1, microGrids.size());
        int workersLeft = GRID_WORKERS - 1;
        int worker = 2;
        int i = 0;
        while (i < rest.size()) {
            Village village = rest.get(i).village();
            int end = i;
            while (end < rest.size() && rest.get(end).village() == village) {
                end++;
            }
            // Workers for this village in proportion to what is left, at least one.
            int gridsHere = end - i;
            int gridsLeft = rest.size() - i;
            int workersHere = Math.max(1, Math.round((float) gridsHere * workersLeft / gridsLeft));
            for (int w = 0; w < workersHere; w++) {
                int from = i + gridsHere * w / workersHere;
                int to = i + gridsHere * (w + 1) / workersHere;
                List<String> codes = new ArrayList<>();
                rest.subList(from, to).forEach(m -> codes.add(m.code()));
                byWorker.put(worker++, codes);
            }
            workersLeft -= workersHere;
            i = end;
        }
        if (byWorker.size() != GRID_WORKERS) {
            throw new IllegalStateException(
                    "Assigned %d grid workers, expected %d".formatted(byWorker.size(), GRID_WORKERS));
        }
        return byWorker;
    }

    /** The lowest region containing all the micro-grids (codes extend their parents' codes). */
    private static String commonAncestor(List<String> codes) {
        if (codes.size() == 1) {
            return codes.getFirst();
        }
        String first = codes.getFirst();
        for (int length : new int[] {14, 12, 9, 6}) {
            String prefix = first.substring(0, length);
            if (codes.stream().allMatch(c -> c.startsWith(prefix))) {
                return prefix;
            }
        }
        throw new IllegalStateException("Micro-grids outside one county: " + codes);
    }

    private static List<Village> readVillages() {
        List<Village> villages = new ArrayList<>();
        readLines("demo/xiangning-villages.csv").forEach(cols -> villages.add(new Village(cols[0], cols[1], cols[2])));
        return villages;
    }

    private static Map<String, String> readCsv(String resource, int keyColumn, int valueColumn) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        readLines(resource).forEach(cols -> map.put(cols[keyColumn], cols[valueColumn]));
        return map;
    }

    private static List<String[]> readLines(String resource) {
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split(","))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
