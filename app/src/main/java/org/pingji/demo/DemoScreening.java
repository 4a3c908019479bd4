package org.pingji.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.arrival.Arrivals;
import org.pingji.person.PersonDirectory;
import org.pingji.risk.RiskAreas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The screening part of the demo: a risk notice published three days ago (two high-risk and two
 * medium-risk areas elsewhere in China) and recent arrivals of 0.5% of the residents, most from
 * within Shanxi, some from other provinces and a few from the risk areas — so the desk, the
 * arrival counts and red and yellow codes have something to show.
 */
@Component
class DemoScreening {

    private static final Logger log = LoggerFactory.getLogger(DemoScreening.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<String> NEAR = List.of("山西省临汾市尧都区", "山西省太原市小店区", "山西省运城市盐湖区", "山西省临汾市吉县");
    private static final List<String> FAR = List.of("北京市海淀区", "陕西省西安市雁塔区", "河南省郑州市金水区", "河北省石家庄市长安区");
    private static final List<String> RISK =
            List.of("上海市普陀区石泉街道宁强路", "广东省东莞市松山湖高新技术产业开发区台科片区", "北京市朝阳区望京街道", "江苏省南京市江宁区东山街道");
    private static final List<String> TRANSPORT = List.of("自驾", "火车", "长途客车", "飞机");

    private final RiskAreas risk;
    private final Arrivals arrivals;
    private final PersonDirectory persons;
    private final Clock clock;

    DemoScreening(RiskAreas risk, Arrivals arrivals, PersonDirectory persons, Clock clock) {
        this.risk = risk;
        this.arrivals = arrivals;
        this.persons = persons;
        this.clock = clock;
    }

    void generate(DemoSettings settings) {
        long started = System.nanoTime();
        // the demo's administrator is the first account created
        Caller admin = new Caller(1, "admin", "系统管理员", Role.ADMIN, "141029", "/141029/");
        LocalDateTime asOf =
                LocalDateTime.ofInstant(clock.instant(), BEIJING).minusDays(3).truncatedTo(ChronoUnit.HOURS);
        String notice =
                """
                截至%d年%d月%d日%d时：
                低风险区调整为高风险区2个：%s；%s。
                低风险区调整为中风险区2个：%s；%s。"""
                        .formatted(
                                asOf.getYear(),
                                asOf.getMonthValue(),
                                asOf.getDayOfMonth(),
                                asOf.getHour(),
                                RISK.get(0),
                                RISK.get(1),
                                RISK.get(2),
                                RISK.get(3));
        risk.apply(admin, risk.preview(admin, notice).id());
        SplittableRandom random = new SplittableRandom(settings.seed() + 7);
        List<Long> ids = persons.sampleIds(Math.max(20, settings.persons() / 200), settings.seed());
        Instant now = clock.instant();
        for (long id : ids) {
            int draw = random.nextInt(100);
            String origin = draw < 62
                    ? NEAR.get(random.nextInt(NEAR.size()))
                    : draw < 92 ? FAR.get(random.nextInt(FAR.size())) : RISK.get(random.nextInt(RISK.size()));
            Instant arrived = now.minus(Duration.ofMinutes(30 + random.nextInt(10 * 24 * 60)));
            Instant departed = arrived.minus(Duration.ofHours(2 + random.nextInt(20)));
            arrivals.report(
                    admin,
                    new Arrivals.NewArrival(
                            id, origin, "", departed, arrived, TRANSPORT.get(random.nextInt(TRANSPORT.size()))),
                    "GRID");
        }
        log.info(
                "Demo screening: risk notice as of {}, {} arrivals in {} ms",
                asOf,
                ids.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
