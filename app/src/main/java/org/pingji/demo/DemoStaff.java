package org.pingji.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.pingji.access.AccessManagement;
import org.pingji.access.AccessManagement.NewUser;
import org.pingji.access.Role;
import org.pingji.demo.DemoCounty.MicroGrid;
import org.pingji.demo.DemoCounty.Village;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.NewGridWorker;
import org.pingji.grid.GridWorkerView.Employment;
import org.springframework.stereotype.Component;

/** The demo accounts and the 405 grid workers with their micro-grids. */
@Component
class DemoStaff {

    private final AccessManagement access;
    private final GridManagement grid;

    DemoStaff(AccessManagement access, GridManagement grid) {
        this.access = access;
        this.grid = grid;
    }

    void create(
            SplittableRandom random,
            Map<String, String> townships,
            List<Village> villages,
            List<MicroGrid> microGrids) {
        String firstTownship = townships.keySet().iterator().next();
        String firstVillage = villages.getFirst().code();
        List<NewUser> users = new ArrayList<>(List.of(
                new NewUser("admin", "系统管理员", DemoCounty.DEMO_PASSWORD, Role.ADMIN, DemoCounty.COUNTY_CODE),
                new NewUser(
                        "commander",
                        "县指挥部总指挥",
                        DemoCounty.DEMO_PASSWORD,
                        Role.COUNTY_COMMANDER,
                        DemoCounty.COUNTY_CODE),
                new NewUser(
                        "coleader", "县指挥部副组长", DemoCounty.DEMO_PASSWORD, Role.COUNTY_COMMANDER, DemoCounty.COUNTY_CODE),
                new NewUser(
                        "township1",
                        townships.get(firstTownship) + "干部",
                        DemoCounty.DEMO_PASSWORD,
                        Role.TOWNSHIP_OFFICER,
                        firstTownship),
                new NewUser(
                        "village1",
                        DemoNames.shortVillage(villages.getFirst().name()) + "干部",
                        DemoCounty.DEMO_PASSWORD,
                        Role.VILLAGE_OFFICER,
                        firstVillage),
                new NewUser("sampler1", "采样员", DemoCounty.DEMO_PASSWORD, Role.SAMPLER, firstTownship),
                new NewUser("lab1", "检测实验室", DemoCounty.DEMO_PASSWORD, Role.LAB, DemoCounty.COUNTY_CODE),
                new NewUser("checkpoint1", "卡口值守人员", DemoCounty.DEMO_PASSWORD, Role.CHECKPOINT_STAFF, firstTownship),
                new NewUser("epi1", "流调人员", DemoCounty.DEMO_PASSWORD, Role.EPIDEMIOLOGIST, DemoCounty.COUNTY_CODE),
                new NewUser(
                        "quarantine1",
                        "隔离点管理员",
                        DemoCounty.DEMO_PASSWORD,
                        Role.QUARANTINE_MANAGER,
                        DemoCounty.COUNTY_CODE),
                new NewUser("inspector1", "督查组成员", DemoCounty.DEMO_PASSWORD, Role.INSPECTOR, DemoCounty.COUNTY_CODE),
                new NewUser("inspector2", "督查组成员（二）", DemoCounty.DEMO_PASSWORD, Role.INSPECTOR, DemoCounty.COUNTY_CODE),
                new NewUser(
                        "supplies1", "物资保障员", DemoCounty.DEMO_PASSWORD, Role.SUPPLIES_OFFICER, DemoCounty.COUNTY_CODE),
                new NewUser("duty1", "值班员", DemoCounty.DEMO_PASSWORD, Role.DUTY_OFFICER, DemoCounty.COUNTY_CODE),
                new NewUser(
                        "pharmacy1",
                        townships.get(firstTownship) + "康宁大药房（监测哨点）",
                        DemoCounty.DEMO_PASSWORD,
                        Role.REPORTER,
                        firstTownship),
                new NewUser(
                        "resident1",
                        "居民",
                        DemoCounty.DEMO_PASSWORD,
                        Role.RESIDENT,
                        microGrids.getFirst().code())));
        List<NewGridWorker> workers = new ArrayList<>(DemoCounty.GRID_WORKERS);
        for (var assignment : assignWorkers(microGrids).entrySet()) {
            int n = assignment.getKey();
            List<String> codes = assignment.getValue();
            String username = "gridworker" + n;
            String name = DemoNames.person(random);
            Employment employment = (n - 1) % 9 < 5 ? Employment.FULL_TIME : Employment.PART_TIME;
            workers.add(new NewGridWorker(username, name, employment, codes));
            users.add(new NewUser(
                    username, name + "（网格员）", DemoCounty.DEMO_PASSWORD, Role.GRID_WORKER, commonAncestor(codes)));
        }
        access.createUsersWithSharedPassword(users, DemoCounty.DEMO_PASSWORD);
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
        int workersLeft = DemoCounty.GRID_WORKERS - 1;
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
        if (byWorker.size() != DemoCounty.GRID_WORKERS) {
            throw new IllegalStateException(
                    "Assigned %d grid workers, expected %d".formatted(byWorker.size(), DemoCounty.GRID_WORKERS));
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
}
