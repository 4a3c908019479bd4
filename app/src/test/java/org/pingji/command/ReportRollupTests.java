package org.pingji.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every one of the 1,189 micro-grids reports; the roll-up sums them through grid, village and
 * township to the county, and a village that reports for itself stands for its micro-grids.
 */
@PingjiTest
class ReportRollupTests {

    @Autowired
    DailyReports reports;

    @Autowired
    JdbcClient jdbc;

    final Caller commander = new Caller(2, "commander", "县指挥部", Role.COUNTY_COMMANDER, "141029", "/141029/");

    @Test
    void microGridReportsRollUpToTheCounty() {
        LocalDate day = reports.today().minusDays(5);
        List<String> grids = jdbc.sql("select code from grid.regions where level = 'MICRO_GRID' order by code")
                .query(String.class)
                .list();
        assertThat(grids).hasSize(1189);
        long expected = 0;
        for (int i = 0; i < grids.size(); i++) {
            reports.fill(commander, day, grids.get(i), fields(i % 7, 2 * i));
            expected += i % 7;
        }
        var county = reports.summary(commander, day, "141029");
        assertThat(county.expected()).isEqualTo(10);
        assertThat(county.reported()).isEqualTo(10);
        assertThat(county.missing()).isEmpty();
        assertThat(county.late()).hasSize(10); // filled days after the deadline
        assertThat(county.totals().get("arrivalsScreened")).isEqualTo(expected);
        assertThat(county.children().stream()
                        .mapToInt(ReportSummary.Row::reports)
                        .sum())
                .isEqualTo(1189);
        var grid = reports.summary(commander, day, grids.getFirst());
        assertThat(grid.expected()).isEqualTo(1);
        assertThat(grid.totals().get("arrivalsScreened")).isZero();

        // a village reporting for itself replaces the sum of its micro-grids
        String village = grids.getFirst().substring(0, 12);
        var before = reports.summary(commander, day, village).totals().get("testsDone");
        reports.fill(commander, day, village, fields(1000, 5));
        var township = reports.summary(commander, day, village.substring(0, 9));
        var villageRow = township.children().stream()
                .filter(r -> r.code().equals(village))
                .findFirst()
                .orElseThrow();
        assertThat(villageRow.own()).isTrue();
        assertThat(villageRow.totals().get("arrivalsScreened")).isEqualTo(1000);
        assertThat(villageRow.totals().get("testsDone")).isEqualTo(5).isNotEqualTo(before);
        assertThat(reports.summary(commander, day, "141029").totals().get("arrivalsScreened"))
                .isEqualTo(expected - sumOfVillage(grids, village) + 1000);

        long[] micros = new long[30];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            reports.summary(commander, day, "141029");
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf(
                "Roll-up of 1,189 micro-grid reports to the county: median %.1f ms, max %.1f ms%n",
                micros[15] / 1000.0, micros[29] / 1000.0);
    }

    static long sumOfVillage(List<String> grids, String village) {
        long sum = 0;
        for (int i = 0; i < grids.size(); i++) {
            if (grids.get(i).startsWith(village)) {
                sum += i % 7;
            }
        }
        return sum;
    }

    static Map<String, Object> fields(long arrivals, long tests) {
        return Map.of(
                "arrivalsScreened",
                arrivals,
                "inQuarantine",
                0,
                "testsDone",
                tests,
                "inspections",
                1,
                "problemsFound",
                0);
    }
}
