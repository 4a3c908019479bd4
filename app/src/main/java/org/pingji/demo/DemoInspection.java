package org.pingji.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pingji.access.AccessManagement;
import org.pingji.access.AccessManagement.NewUser;
import org.pingji.access.AccessManagement.UserView;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.PlaceView;
import org.pingji.inspection.InspectionManagement;
import org.pingji.inspection.InspectionManagement.ChecklistView;
import org.pingji.inspection.InspectionManagement.EntityView;
import org.pingji.inspection.InspectionManagement.NewEntity;
import org.pingji.inspection.InspectionManagement.NewMember;
import org.pingji.inspection.InspectionManagement.ZoneView;
import org.pingji.inspection.PastSupervision.PastClosure;
import org.pingji.inspection.PastSupervision.PastFinding;
import org.pingji.inspection.PastSupervision.PastInspection;
import org.pingji.inspection.PastSupervision.PastInterview;
import org.pingji.inspection.PastSupervision.PastLetter;
import org.springframework.stereotype.Component;

/**
 * Supervision in the demo county: the shops, venues, checkpoints, collection points and
 * quarantine sites as entities in 4 zones, 4 groups with subgroups of two inspectors covering
 * about 98 entities each (inspector1 and inspector2 the first subgroup), and a year's history at
 * the seed's totals: 6,811 inspections, 13 interviews, 26 letters, 90 closures of which 62 were
 * reopened. Loaded with COPY.
 */
@Component
class DemoInspection {

    static final int INSPECTIONS = 6_811;
    static final int INTERVIEWS = 13;
    static final int LETTERS = 26;
    static final int CLOSURES = 90;
    static final int REOPENED = 62;
    static final int PER_SUBGROUP = 98;
    private static final String[][] ZONES = {
        {"Z1", "城区片区", "141029100"},
        {"Z2", "东部片区", "141029101,141029102,141029103"},
        {"Z3", "西部片区", "141029104,141029200,141029201"},
        {"Z4", "南部片区", "141029202,141029203,141029204"}
    };
    private static final String[] FIELDS = {"市场监管", "卫生健康", "公安", "纪检监察", "商务", "交通运输"};
    private static final String[] GROUP_NAMES = {"第一督查组", "第二督查组", "第三督查组", "第四督查组"};

    private final InspectionManagement inspection;
    private final GridManagement grid;
    private final AccessManagement access;
    private final Clock clock;

    DemoInspection(InspectionManagement inspection, GridManagement grid, AccessManagement access, Clock clock) {
        this.inspection = inspection;
        this.grid = grid;
        this.access = access;
        this.clock = clock;
    }

    void create(SplittableRandom random) {
        Caller admin = new Caller(1, "admin", "系统管理员", Role.ADMIN, DemoCounty.COUNTY_CODE, "/141029/");
        Map<String, String> zoneOfTownship = new HashMap<>();
        List<ZoneView> zones = new ArrayList<>();
        for (String[] z : ZONES) {
            zones.add(new ZoneView(z[0], z[1], DemoCounty.COUNTY_CODE, z[2], 0));
            for (String t : z[2].split(",")) {
                zoneOfTownship.put(t, z[0]);
            }
        }
        inspection.createZones(zones);
        Map<String, List<PlaceView>> placesByZone = new LinkedHashMap<>();
        for (String[] z : ZONES) {
            placesByZone.put(z[0], new ArrayList<>());
        }
        for (PlaceKind kind : List.of(
                PlaceKind.SHOP,
                PlaceKind.VENUE,
                PlaceKind.CHECKPOINT,
                PlaceKind.COLLECTION_POINT,
                PlaceKind.QUARANTINE_SITE)) {
            for (PlaceView p : grid.places(admin, DemoCounty.COUNTY_CODE, kind, 0, 5000)) {
                placesByZone
                        .get(zoneOfTownship.get(p.microGridCode().substring(0, 9)))
                        .add(p);
            }
        }
        // groups, subgroups and their inspectors (accounts inspector3... besides the two demo ones)
        List<NewUser> users = new ArrayList<>();
        record Sub(long id, String zone, int n) {}
        List<Sub> subs = new ArrayList<>();
        int userNo = 3;
        int g = 0;
        for (var zone : placesByZone.entrySet()) {
            String duties = "任务清单：按月完成片区内全部经营主体“四不两直”检查；责任清单：组长负总责，小组长包片到店；" + "时限清单：问题当日交办，10个工作日内复查销号";
            long group = inspection.createGroup(GROUP_NAMES[g], zone.getKey(), null, duties);
            int count = (zone.getValue().size() + PER_SUBGROUP - 1) / PER_SUBGROUP;
            for (int s = 0; s < count; s++) {
                long sub = inspection.createGroup(
                        GROUP_NAMES[g].substring(0, 3) + "第" + (s + 1) + "小组", zone.getKey(), group, null);
                subs.add(new Sub(sub, zone.getKey(), s));
                if (g > 0 || s > 0) {
                    for (int k = 0; k < 2; k++) {
                        users.add(new NewUser(
                                "inspector" + userNo++,
                                DemoNames.person(random) + "（督查组）",
                                DemoCounty.DEMO_PASSWORD,
                                Role.INSPECTOR,
                                DemoCounty.COUNTY_CODE));
                    }
                }
            }
            g++;
        }
        access.createUsersWithSharedPassword(users, DemoCounty.DEMO_PASSWORD);
        Map<String, UserView> inspectors = new HashMap<>();
        access.usersWithRole(admin, Role.INSPECTOR).forEach(u -> inspectors.put(u.username(), u));
        List<NewMember> members = new ArrayList<>();
        Map<Long, long[]> pairOfSub = new HashMap<>();
        int next = 1;
        for (Sub sub : subs) {
            long[] pair = new long[2];
            for (int k = 0; k < 2; k++) {
                UserView u = inspectors.get("inspector" + next++);
                pair[k] = u.id();
                members.add(new NewMember(
                        sub.id(), u.id(), u.username(), u.displayName(), FIELDS[(next + k) % FIELDS.length]));
            }
            pairOfSub.put(sub.id(), pair);
        }
        inspection.addMembers(members);
        // entities, each zone's in runs of 98 per subgroup
        List<NewEntity> entities = new ArrayList<>();
        for (var zone : placesByZone.entrySet()) {
            List<Sub> zoneSubs =
                    subs.stream().filter(s -> s.zone().equals(zone.getKey())).toList();
            List<PlaceView> places = zone.getValue();
            for (int i = 0; i < places.size(); i++) {
                PlaceView p = places.get(i);
                int risk =
                        1 + (random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : random.nextInt(3) < 2 ? 2 : 3);
                entities.add(new NewEntity(
                        p.id(),
                        p.name(),
                        p.microGridCode(),
                        InspectionManagement.categoryOf(p.kind(), p.category()),
                        "JY%s%06d".formatted(p.microGridCode().substring(0, 6), p.id()),
                        risk,
                        zone.getKey(),
                        zoneSubs.get(i / PER_SUBGROUP).id(),
                        random.nextInt(20) == 0 ? 1 : 0));
            }
        }
        inspection.registerEntities(entities);
        history(random, admin, pairOfSub);
    }

    private void history(SplittableRandom random, Caller admin, Map<Long, long[]> pairOfSub) {
        List<EntityView> all = inspection.entities(admin, null, null);
        Map<String, ChecklistView> checklists = new HashMap<>();
        inspection.checklists(admin, null).forEach(c -> checklists.put(c.category(), c));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<PastInspection> past = new ArrayList<>(INSPECTIONS);
        for (int i = 0; i < INSPECTIONS; i++) {
            EntityView e = all.get(random.nextInt(all.size()));
            ChecklistView c = checklists.get(e.category());
            long[] pair = pairOfSub.get(e.subgroupId());
            Instant at = now.minus(Duration.ofMinutes(60L * 24 * 2 + random.nextInt(60 * 24 * 300)));
            List<PastFinding> findings = new ArrayList<>();
            if (random.nextInt(100) < 6 + 3 * e.riskClass()) {
                long item = c.items().get(random.nextInt(c.items().size())).id();
                LocalDate deadline = workingDaysAfter(LocalDate.ofInstant(at, zone), 10);
                Instant rectified = null;
                if (deadline.isBefore(today) || random.nextInt(3) == 0) {
                    int late = random.nextInt(100) < 91 ? -random.nextInt(8) : 1 + random.nextInt(10);
                    rectified =
                            deadline.plusDays(late).atTime(16, 0).atZone(zone).toInstant();
                    if (rectified.isAfter(now)) {
                        rectified = null;
                    }
                }
                findings.add(new PastFinding(item, deadline, rectified));
            }
            past.add(new PastInspection(
                    e.id(), c.id(), pair[0], pair[1], at, i % 9 == 0 ? "UNANNOUNCED" : "PLANNED", findings));
        }
        // closures, interviews and letters on shops of the southern zone only (the shops the other
        // modules' scenarios use for check-ins stay open)
        List<EntityView> shops = all.stream()
                .filter(e -> e.zone().equals("Z4") && e.category().equals("SHOP"))
                .toList();
        List<PastClosure> closures = new ArrayList<>();
        for (int i = 0; i < CLOSURES; i++) {
            EntityView e = shops.get(10 + i);
            Instant closed = now.minus(Duration.ofDays(20 + random.nextInt(250)));
            Instant reopened = i < REOPENED ? closed.plus(Duration.ofDays(3 + random.nextInt(15))) : null;
            closures.add(new PastClosure(
                    e.id(),
                    "复查仍未整改：未落实扫码测温",
                    "乡防查字〔" + LocalDate.ofInstant(closed, zone).getYear() + "〕" + (i + 1) + "号",
                    closed,
                    reopened));
        }
        List<PastInterview> interviews = new ArrayList<>();
        for (int i = 0; i < INTERVIEWS; i++) {
            EntityView e = shops.get(10 + i * 5);
            interviews.add(new PastInterview(
                    e.id(), now.minus(Duration.ofDays(30 + 17L * i)), "经营者、督查组组长、属地乡镇分管领导", "三日内完成整改并书面报告"));
        }
        List<PastLetter> letters = new ArrayList<>();
        for (int i = 0; i < LETTERS; i++) {
            EntityView e = shops.get(10 + i * 3);
            Instant issued = now.minus(Duration.ofDays(25 + 9L * i));
            letters.add(new PastLetter(
                    "乡防督〔" + LocalDate.ofInstant(issued, zone).getYear() + "〕D" + (i + 1) + "号",
                    e.id(),
                    issued,
                    LocalDate.ofInstant(issued, zone).plusDays(7),
                    "限期落实门店扫码、测温、消毒台账"));
        }
        inspection.loadHistory(past, closures, interviews, letters);
    }

    private static LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate day = from;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek().getValue() <= 5) {
                left--;
            }
        }
        return day;
    }
}
