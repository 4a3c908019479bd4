package org.pingji.inspection;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.Caller;
import org.pingji.inspection.InspectionManagement.ChecklistItem;
import org.pingji.inspection.InspectionManagement.ChecklistView;
import org.pingji.inspection.InspectionManagement.EntityView;
import org.pingji.inspection.InspectionManagement.FindingView;
import org.pingji.inspection.InspectionManagement.Member;
import org.pingji.inspection.InspectionManagement.NewInspection;
import org.pingji.inspection.InspectionManagement.Recorded;
import org.pingji.inspection.InspectionManagement.Result;
import org.pingji.platform.CountyTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inspections on site: the checklist's results, findings from failed items with a rectification
 * deadline in working days and a re-inspection on that day, earlier findings rectified by a later
 * pass of the same item.
 */
@Component
class Inspections {

    static final int DEFAULT_RECTIFICATION_DAYS = 10;
    static final Set<String> OUTCOMES = Set.of("PASS", "FAIL", "NA");
    static final Set<String> KINDS = Set.of("PLANNED", "UNANNOUNCED", "COMPLAINT", "REINSPECTION");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Checklists checklists;
    private final CountyTime time;
    private final Clock clock;

    Inspections(JdbcClient jdbc, Directory directory, Checklists checklists, CountyTime time, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.checklists = checklists;
        this.time = time;
        this.clock = clock;
    }

    /** The working day {@code days} working days (Monday to Friday) after {@code from}. */
    static LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }

    Recorded record(Caller caller, NewInspection r) {
        if (r == null || r.entityId() == null) {
            throw InspectionRefused.invalid("entity_required", "请选择督查对象");
        }
        EntityView entity = directory.entity(caller, r.entityId());
        if (r.checklistId() == null) {
            throw InspectionRefused.invalid("checklist_required", "请选择检查表");
        }
        ChecklistView checklist = checklists
                .byId(r.checklistId())
                .orElseThrow(() -> InspectionRefused.notFound("检查表 " + r.checklistId()));
        if (!checklist.category().equals(entity.category())) {
            throw InspectionRefused.invalid(
                    "checklist_category", "检查表「%s」不适用于%s类对象".formatted(checklist.title(), entity.category()));
        }
        Set<Long> inspectors = new LinkedHashSet<>(r.inspectors() == null ? List.of() : r.inspectors());
        inspectors.remove(null);
        if (inspectors.size() < 2) {
            throw InspectionRefused.invalid("inspectors_too_few", "现场检查须由至少两名检查人员共同开展，不得单人检查");
        }
        Map<Long, Member> known = directory.inspectors(null);
        for (Long id : inspectors) {
            if (!known.containsKey(id)) {
                throw InspectionRefused.invalid("not_inspector", "用户 %d 不是督查组成员".formatted(id), Map.of("userId", id));
            }
        }
        Map<Long, String> conflicts = directory.conflictsOf(entity.id());
        for (Long id : inspectors) {
            if (conflicts.containsKey(id)) {
                throw InspectionRefused.conflict(
                        "conflict_of_interest",
                        "%s 与「%s」存在利害关系（%s），应当回避".formatted(known.get(id).name(), entity.name(), conflicts.get(id)),
                        Map.of("userId", id));
            }
        }
        Instant now = Instant.now(clock);
        Instant at = r.at() == null ? now : r.at().toInstant();
        if (at.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            throw InspectionRefused.invalid("future_date", "检查时间不能晚于当前时间");
        }
        if (r.results() == null || r.results().isEmpty()) {
            throw InspectionRefused.invalid("results_required", "请逐项填写检查结果");
        }
        Set<Long> items = new HashSet<>();
        checklist.items().forEach(i -> items.add(i.id()));
        Set<Long> seen = new HashSet<>();
        for (Result result : r.results()) {
            if (result.itemId() == null || !items.contains(result.itemId())) {
                throw InspectionRefused.invalid(
                        "item_not_in_checklist",
                        "检查项 %s 不在检查表「%s」中".formatted(result.itemId(), checklist.title()),
                        Map.of("itemId", String.valueOf(result.itemId())));
            }
            if (!seen.add(result.itemId())) {
                throw InspectionRefused.invalid("item_twice", "检查项 %d 重复填写".formatted(result.itemId()));
            }
            if (result.outcome() == null || !OUTCOMES.contains(result.outcome())) {
                throw InspectionRefused.invalid("outcome", "检查结果须为 PASS、FAIL 或 NA：" + result.outcome());
            }
        }
        int days = r.rectificationDays() == null ? DEFAULT_RECTIFICATION_DAYS : r.rectificationDays();
        if (days < 1 || days > 60) {
            throw InspectionRefused.invalid("rectification_days", "整改期限须为1至60个工作日");
        }
        boolean hasOpen = jdbc.sql("select count(*) from inspection.findings where entity_id = ? and state = 'OPEN'")
                        .param(entity.id())
                        .query(Integer.class)
                        .single()
                > 0;
        String kind = r.kind() == null ? (hasOpen ? "REINSPECTION" : "PLANNED") : r.kind();
        if (!KINDS.contains(kind)) {
            throw InspectionRefused.invalid("kind", "检查类型须为 PLANNED、UNANNOUNCED、COMPLAINT 或 REINSPECTION");
        }
        boolean passed = r.results().stream().noneMatch(x -> x.outcome().equals("FAIL"));
        long id = jdbc.sql(
                        """
                        insert into inspection.inspections (entity_id, checklist_id, inspectors, at, kind, passed, location, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        entity.id(),
                        checklist.id(),
                        inspectors.toArray(Long[]::new),
                        Timestamp.from(at),
                        kind,
                        passed,
                        r.location(),
                        caller.username(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        LocalDate day = LocalDate.ofInstant(at, time.zone());
        LocalDate deadline = workingDaysAfter(day, days);
        List<FindingView> findings = new ArrayList<>();
        for (Result result : r.results()) {
            jdbc.sql("insert into inspection.results (inspection_id, item_id, outcome, note) values (?, ?, ?, ?)")
                    .params(id, result.itemId(), result.outcome(), result.note())
                    .update();
            switch (result.outcome()) {
                case "FAIL" -> findings.add(finding(id, entity.id(), result.itemId(), deadline));
                case "PASS" -> rectify(entity.id(), result.itemId(), at);
                default -> {}
            }
        }
        return new Recorded(id, passed, findings);
    }

    private FindingView finding(long inspectionId, long entityId, long itemId, LocalDate deadline) {
        boolean repeat = jdbc.sql("select count(*) from inspection.findings where entity_id = ? and item_id = ?")
                        .params(entityId, itemId)
                        .query(Integer.class)
                        .single()
                > 0;
        long id = jdbc.sql(
                        """
                        insert into inspection.findings (inspection_id, entity_id, item_id, deadline, reinspect_on, repeat)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(inspectionId, entityId, itemId, Date.valueOf(deadline), Date.valueOf(deadline), repeat)
                .query(Long.class)
                .single();
        return new FindingView(id, itemId, deadline, deadline, repeat);
    }

    private void rectify(long entityId, long itemId, Instant at) {
        jdbc.sql(
                        """
                        update inspection.findings set state = 'RECTIFIED', rectified_at = ?
                        where entity_id = ? and item_id = ? and state = 'OPEN'""")
                .params(Timestamp.from(at), entityId, itemId)
                .update();
    }

    /** Stores a photo of an inspection (an image checked by its first bytes, at most 20 MB). */
    long addPhoto(Caller caller, long inspectionId, Long itemId, String contentType, byte[] bytes, String location) {
        long entityId = jdbc.sql("select entity_id from inspection.inspections where id = ?")
                .param(inspectionId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> InspectionRefused.notFound("检查记录 " + inspectionId));
        directory.entity(caller, entityId);
        Media.require(bytes, Set.of(Media.Kind.IMAGE), "photo");
        return jdbc.sql(
                        """
                        insert into inspection.photos (inspection_id, item_id, content_type, size, content, taken_at, location)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        inspectionId,
                        itemId,
                        Media.kindOf(bytes).mediaType(bytes),
                        bytes.length,
                        bytes,
                        Timestamp.from(Instant.now(clock)),
                        location)
                .query(Long.class)
                .single();
    }

    int photoCount(long inspectionId) {
        return jdbc.sql("select count(*) from inspection.photos where inspection_id = ?")
                .param(inspectionId)
                .query(Integer.class)
                .single();
    }

    /** Whether the entity passed an inspection (no failed item) after the instant. */
    boolean passedAfter(long entityId, Instant after) {
        return jdbc.sql("select count(*) from inspection.inspections where entity_id = ? and passed and at > ?")
                        .params(entityId, Timestamp.from(after))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Items of a checklist by id (for pages naming failed items). */
    static Map<Long, ChecklistItem> itemsById(ChecklistView checklist) {
        Map<Long, ChecklistItem> byId = new HashMap<>();
        checklist.items().forEach(i -> byId.put(i.id(), i));
        return byId;
    }
}
