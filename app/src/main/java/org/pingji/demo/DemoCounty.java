package org.pingji.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pingji.access.AccessManagement;
import org.pingji.grid.GridManagement;
import org.pingji.person.PersonDirectory;
import org.pingji.quarantine.QuarantineManagement;
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
    private static final Logger log = LoggerFactory.getLogger(DemoCounty.class);

    private final GridManagement grid;
    private final AccessManagement access;
    private final TransactionTemplate transaction;
    private final PersonDirectory directory;
    private final QuarantineManagement quarantine;
    private final DemoRegions regions;
    private final DemoSites sites;
    private final DemoPopulation population;
    private final DemoStaff staff;
    private final DemoSignals signals;
    private final DemoSupply supply;
    private final DemoInspection inspection;

    DemoCounty(
            GridManagement grid,
            AccessManagement access,
            TransactionTemplate transaction,
            PersonDirectory directory,
            QuarantineManagement quarantine,
            DemoRegions regions,
            DemoSites sites,
            DemoPopulation population,
            DemoStaff staff,
            DemoSignals signals,
            DemoSupply supply,
            DemoInspection inspection) {
        this.inspection = inspection;
        this.grid = grid;
        this.access = access;
        this.transaction = transaction;
        this.directory = directory;
        this.quarantine = quarantine;
        this.regions = regions;
        this.sites = sites;
        this.population = population;
        this.staff = staff;
        this.signals = signals;
        this.supply = supply;
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
        List<MicroGrid> microGrids = regions.create(townships, villages);
        sites.create(random, villages, microGrids);
        quarantine.furnishSites(COUNTY_CODE, 50);
        population.create(random, microGrids, settings.persons());
        staff.create(random, townships, villages, microGrids);
        signals.create(random, townships);
        supply.create(random, townships);
        long supervision = System.nanoTime();
        inspection.create(new SplittableRandom(settings.seed() + 13));
        log.info("Demo supervision generated in {} ms", (System.nanoTime() - supervision) / 1_000_000);
        // resident1 sees the status and code of the first person of the first micro-grid
        directory.firstIn(microGrids.getFirst().code()).ifPresent(p -> access.linkPerson("resident1", p.id()));
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
