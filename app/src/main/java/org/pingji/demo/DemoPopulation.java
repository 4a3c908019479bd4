package org.pingji.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.pingji.demo.DemoCounty.MicroGrid;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.NewPlace;
import org.pingji.grid.PlaceKind;
import org.pingji.person.NewPerson;
import org.pingji.person.PersonManagement;
import org.pingji.person.ResidenceKind;
import org.pingji.person.ResidentId;
import org.springframework.stereotype.Component;

/** Households and persons with valid, unique resident IDs, spread over the micro-grids. */
@Component
class DemoPopulation {

    private static final LocalDate REFERENCE_DAY = LocalDate.of(2022, 3, 16);
    private static final String[] TEMPORARY_ORIGINS = {"141002", "141021", "141034", "141081", "140105", "140402"};
    private static final String[] OTHER_ORIGINS = {"610102", "410105", "130102", "370102", "510104", "320102"};
    private static final int[] HOUSEHOLD_SIZE_WEIGHTS = {12, 25, 27, 22, 10, 4};

    private final GridManagement grid;
    private final PersonManagement persons;

    DemoPopulation(GridManagement grid, PersonManagement persons) {
        this.grid = grid;
        this.persons = persons;
    }

    void create(SplittableRandom random, List<MicroGrid> microGrids, int total) {
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
                    case REGISTERED, AWAY -> DemoCounty.COUNTY_CODE;
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
}
