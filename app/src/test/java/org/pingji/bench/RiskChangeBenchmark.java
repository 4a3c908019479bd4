package org.pingji.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pingji.PingjiTest;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.arrival.Arrivals;
import org.pingji.policy.Exposure;
import org.pingji.risk.RiskAreas;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #4: a risk change affecting 5% of 10,000,000 persons with 14-day travel records must
 * update every affected status within 10 s. Generates one arrival (travel record of the last 14
 * days) per person — every 20th from 河北省石家庄市长安区 (130102), left there in the last 6 days so
 * that the edition's 7 travel-history days cover them, the others spread over other counties — then applies a notice that makes 长安区 a high-risk area and times the apply until
 * the last affected person's HIGH_RISK_ARRIVAL reason is committed (the status engine reads
 * reasons, so that is when the status is RED). Reruns reset the area and the derived rows.
 * Run: {@code bench/risk-change-benchmark.sh} (kept data folder, fsync on).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
@PingjiTest
class RiskChangeBenchmark {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RiskAreas risk;

    @Autowired
    Arrivals arrivals;

    @Test
    void aRiskChangeOverTenMillionTravelRecords() throws Exception {
        int persons = Integer.getInteger("pingji.bench.persons", 10_000_000);
        long present = jdbc.sql("select count(*) from arrival.arrivals where reported_by = 'bench'")
                .query(Long.class)
                .single();
        if (present < persons) {
            long t = System.nanoTime();
            for (long from = present + 1; from <= persons; from += 1_000_000) {
                long to = Math.min(persons, from + 999_999);
                jdbc.sql(
                                """
                                insert into arrival.arrivals (person_id, path, micro_grid_code, origin_text, origin_code,
                                       route, transport, departed_at, arrived_at, reported_via, reported_by, exposure,
                                       risk_area, policy_edition, created_at)
                                select 900000000 + g, '/141029/bench/', 'bench', 'bench',
                                       case when g % 20 = 0 then '130102' || lpad((g % 997)::text, 6, '0')
                                            else (array['3201','4403','5101','6101','3301','4201'])[1 + g % 6]
                                                 || lpad((g % 89)::text, 2, '0') || lpad((g % 9973)::text, 6, '0') end,
                                       '', '自驾',
                                       case when g % 20 = 0 then now() - interval '36 hours' - (g % 5) * interval '1 day'
                                            else now() - interval '1 day' - (g % 13) * interval '1 day' end,
                                       case when g % 20 = 0 then now() - interval '24 hours' - (g % 5) * interval '1 day'
                                            else now() - (g % 13) * interval '1 day' end,
                                       'SELF', 'bench', 'ELSEWHERE', '',
                                       'ED9-2022#1', now()
                                  from generate_series(?::bigint, ?::bigint) g""")
                        .params(from, to)
                        .update();
                System.out.printf("BENCH generated arrivals up to %d%n", to);
            }
            jdbc.sql("analyze arrival.arrivals").update();
            System.out.printf("BENCH generation took %d s%n", (System.nanoTime() - t) / 1_000_000_000);
        }
        // reset what an earlier run derived (and an interrupted run's unfinished event delivery)
        jdbc.sql("delete from event_publication where completion_date is null").update();
        jdbc.sql("delete from arrival.tasks where path = '/141029/bench/'").update();
        jdbc.sql("update arrival.arrivals set exposure = 'ELSEWHERE', risk_area = '' where origin_code like '130102%'")
                .update();
        jdbc.sql(
                        "delete from risk.area_levels where area_id in (select id from risk.areas where resolved_code = '130102')")
                .update();
        long affected = jdbc.sql("select count(*) from arrival.arrivals where origin_code like '130102%'")
                .query(Long.class)
                .single();

        List<Long> affectedPersons = jdbc.sql(
                        "select person_id from arrival.arrivals where origin_code like '130102%' order by person_id")
                .query(Long.class)
                .list();
        Caller admin = new Caller(1, "admin", "admin", Role.ADMIN, "141029", "/141029/");
        LocalDateTime t = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.HOURS);
        String notice = "截至%d年%d月%d日%d时：低风险区调整为高风险区1个：河北省石家庄市长安区。"
                .formatted(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
        long id = risk.preview(admin, notice).id();
        long start = System.nanoTime();
        risk.apply(admin, id);
        long applied = System.nanoTime();
        // every affected person's status, read in bulk the way the status engine reads one
        long red = 0;
        Instant readAt = Instant.now();
        for (int from = 0; from < affectedPersons.size(); from += 50_000) {
            red +=
                    arrivals
                            .risksOf(
                                    affectedPersons.subList(from, Math.min(affectedPersons.size(), from + 50_000)),
                                    readAt)
                            .stream()
                            .filter(r -> r.exposure() == Exposure.HIGH_RISK_AREA)
                            .count();
        }
        long done = System.nanoTime();
        System.out.printf(
                "BENCH risk change: %d travel records, %d affected (%.1f%%), apply (commit) %d ms; "
                        + "reading all affected statuses afterwards: %d RED in %d ms%n",
                persons,
                affected,
                100.0 * affected / persons,
                (applied - start) / 1_000_000,
                red,
                (done - applied) / 1_000_000);
        assertThat(red).isEqualTo(affected);
        long one = System.nanoTime();
        assertThat(arrivals.risksOf(affectedPersons.get(affectedPersons.size() / 2), Instant.now()))
                .extracting(Arrivals.ArrivalRisk::exposure)
                .containsExactly(Exposure.HIGH_RISK_AREA);
        System.out.printf(
                "BENCH one affected person's arrival reasons read in %.1f ms%n", (System.nanoTime() - one) / 1e6);
        // the grid workers' tasks follow in a second transaction
        long tasksDeadline = System.nanoTime() + 300_000_000_000L;
        long tasks = 0;
        while (System.nanoTime() < tasksDeadline) {
            long now = jdbc.sql("select count(*) from arrival.tasks where path = '/141029/bench/'")
                    .query(Long.class)
                    .single();
            if (now > 0 && now == tasks) {
                break;
            }
            tasks = now;
            Thread.sleep(2000);
        }
        System.out.printf(
                "BENCH tasks written: %d, %d ms after the apply%n",
                tasks, (System.nanoTime() - start) / 1_000_000 - 2000);
    }
}
