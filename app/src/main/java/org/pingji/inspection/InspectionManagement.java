package org.pingji.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.PlaceView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade of supervision (督查). Reading needs {@link Permission#INSPECT} or
 * {@link Permission#INSPECTION_MANAGE}; recording inspections needs INSPECT; draws, closures and
 * reopening need INSPECTION_MANAGE. Everything is scoped to the caller's jurisdiction (an entity
 * outside it is not found).
 */
@Service
public class InspectionManagement {

    /** A supervised entity on a place; {@code state} OPEN, SUSPENDED or CLOSED; risk class 1 (low) to 4. */
    public record EntityView(
            long id,
            long placeId,
            String name,
            String zone,
            String category,
            int riskClass,
            String state,
            String licence,
            Long subgroupId,
            String path) {}

    /** An entity to register on an existing place. */
    public record NewEntity(
            long placeId,
            String name,
            String microGridCode,
            String category,
            String licence,
            int riskClass,
            String zone,
            Long subgroupId,
            int complaints) {}

    /** A zone (片区) of the county, made of townships; {@code entities} counted when listed. */
    public record ZoneView(String code, String name, String regionCode, String townships, int entities) {}

    /** An inspector in a group: a staff account with a field (专业). */
    public record Member(long userId, String username, String name, String field) {}

    public record NewMember(long groupId, long userId, String username, String name, String field) {}

    /** A group (督查组) or, with a parent, a subgroup; duties are its task/responsibility/deadline lists. */
    public record GroupView(
            long id, String name, String zone, Long parentId, String duties, List<Member> members, int entities) {}

    public record ChecklistItem(long id, String text, String severity, String legalBasis, boolean photoRequired) {}

    public record ChecklistView(long id, String category, int version, String title, List<ChecklistItem> items) {}

    /** One drawn entity and its pair of inspectors (user ids). */
    public record DrawPick(long entityId, String entityName, List<Long> inspectors) {}

    public record DrawView(
            long id,
            String category,
            String zone,
            double share,
            long seed,
            String snapshotHash,
            int candidates,
            String drawnBy,
            Instant drawnAt,
            List<DrawPick> picks) {}

    /** A replay: the picks computed again, whether they equal the archived ones, whether the inputs changed. */
    public record Replay(
            long id,
            long seed,
            String snapshotHash,
            String archivedHash,
            boolean directoryChanged,
            boolean identical,
            List<DrawPick> picks) {}

    public record Result(Long itemId, String outcome, String note) {}

    /** An inspection to record; {@code at} defaults to now, {@code rectificationDays} to 10 working days. */
    public record NewInspection(
            Long entityId,
            Long checklistId,
            List<Long> inspectors,
            OffsetDateTime at,
            List<Result> results,
            String kind,
            String location,
            Integer rectificationDays) {}

    public record FindingView(long id, long itemId, LocalDate deadline, LocalDate reinspectOn, boolean repeat) {}

    public record Recorded(long id, boolean passed, List<FindingView> findings) {}

    public record ClosureView(
            long id, String reason, String document, Instant closedAt, String closedBy, int commitments) {}

    public record Stats(
            long inspections,
            long interviews,
            long letters,
            long closures,
            long reopenings,
            Double rectifiedOnTimeShare,
            long findings,
            long openFindings,
            long closedNow,
            long entities) {}

    public record ZoneStats(String code, String name, long entities, long inspections, long findings, long closures) {}

    private final Directory directory;
    private final Checklists checklists;
    private final Draws draws;
    private final Inspections inspections;
    private final Closures closures;
    private final InspectionStats stats;
    private final History history;
    private final GridManagement grid;
    private final AccessManagement access;

    InspectionManagement(
            Directory directory,
            Checklists checklists,
            Draws draws,
            Inspections inspections,
            Closures closures,
            InspectionStats stats,
            History history,
            GridManagement grid,
            AccessManagement access) {
        this.directory = directory;
        this.checklists = checklists;
        this.draws = draws;
        this.inspections = inspections;
        this.closures = closures;
        this.stats = stats;
        this.history = history;
        this.grid = grid;
        this.access = access;
    }

    private static void requireRead(Caller caller) {
        if (!caller.can(Permission.INSPECT)) {
            caller.require(Permission.INSPECTION_MANAGE);
        }
    }

    // ---- directories ----------------------------------------------------------------------

    /** Entities of the jurisdiction, of a zone and category when given (at most 5,000). */
    public List<EntityView> entities(Caller caller, String zone, String category) {
        requireRead(caller);
        return directory.entities(caller, blankToNull(zone), Directory.requireCategory(blankToNull(category)), 5000);
    }

    public EntityView entity(Caller caller, long id) {
        requireRead(caller);
        return directory.entity(caller, id);
    }

    /** Registers an existing place as a supervised entity; its category follows the place's unless given. */
    @Transactional
    public EntityView register(
            Caller caller, long placeId, String category, String licence, int riskClass, String zone) {
        caller.require(Permission.INSPECTION_MANAGE);
        PlaceView place = grid.place(placeId).orElseThrow(() -> InspectionRefused.notFound("场所 " + placeId));
        caller.requireCovers(grid.requireMicroGrid(place.microGridCode()).path(), "场所 " + placeId);
        directory.requireZone(zone);
        if (zone == null) {
            throw InspectionRefused.invalid("zone", "请选择片区");
        }
        String c = category == null ? Directory.categoryOf(place.kind(), place.category()) : category;
        directory.register(List.of(
                new NewEntity(placeId, place.name(), place.microGridCode(), c, licence, riskClass, zone, null, 0)));
        EntityView entity = directory.entities(caller, zone, c, 5000).stream()
                .filter(e -> e.placeId() == placeId)
                .findFirst()
                .orElseThrow();
        access.audit(
                caller, "INSPECTION_ENTITY_REGISTERED", "INSPECTION_ENTITY", Long.toString(entity.id()), place.name());
        return entity;
    }

    public List<ZoneView> zones(Caller caller) {
        requireRead(caller);
        return directory.zones();
    }

    public List<GroupView> groups(Caller caller) {
        requireRead(caller);
        return directory.groups();
    }

    /** Declares an inspector's conflict of interest with an entity (回避). */
    @Transactional
    public void declareConflict(Caller caller, long userId, long entityId, String reason) {
        caller.require(Permission.INSPECTION_MANAGE);
        directory.entity(caller, entityId);
        if (reason == null || reason.isBlank()) {
            throw InspectionRefused.invalid("reason_required", "请填写回避理由");
        }
        directory.declareConflict(userId, entityId, reason.trim());
        access.audit(caller, "INSPECTION_CONFLICT", "INSPECTION_ENTITY", Long.toString(entityId), "user " + userId);
    }

    // ---- checklists -----------------------------------------------------------------------

    /** The checklists in use (the newest version per category), of one category when given. */
    public List<ChecklistView> checklists(Caller caller, String category) {
        requireRead(caller);
        return checklists.current(Directory.requireCategory(blankToNull(category)));
    }

    // ---- draws ----------------------------------------------------------------------------

    /** A 双随机 draw: a share (0 &lt; share ≤ 1) of a category's and zone's entities with inspector pairs. */
    @Transactional
    public DrawView draw(Caller caller, String category, String zone, Double share, Long seed) {
        caller.require(Permission.INSPECTION_MANAGE);
        if (share == null || !(share > 0) || share > 1) {
            throw InspectionRefused.invalid("share_invalid", "抽取比例须大于0且不超过1（如 0.05 表示5%）：" + share);
        }
        Directory.requireCategory(blankToNull(category));
        directory.requireZone(blankToNull(zone));
        long s = seed == null ? new java.security.SecureRandom().nextLong() : seed;
        DrawView view = draws.draw(
                caller,
                new Draws.Parameters(blankToNull(category), blankToNull(zone), share, s, caller.jurisdictionPath()));
        access.audit(
                caller,
                "INSPECTION_DRAW",
                "INSPECTION_DRAW",
                Long.toString(view.id()),
                "share %s seed %d picks %d hash %s"
                        .formatted(share, s, view.picks().size(), view.snapshotHash()));
        return view;
    }

    public DrawView drawOf(Caller caller, long id) {
        requireRead(caller);
        draws.archived(caller, id);
        return draws.view(id);
    }

    public List<DrawView> recentDraws(Caller caller) {
        requireRead(caller);
        return draws.recent(caller);
    }

    /** Runs an archived draw again; says whether the picks are the same and whether the inputs changed. */
    public Replay replay(Caller caller, long id) {
        requireRead(caller);
        return draws.replay(caller, id);
    }

    // ---- inspections ----------------------------------------------------------------------

    /** Records an inspection by at least two inspectors; failed items become findings. */
    @Transactional
    public Recorded record(Caller caller, NewInspection inspection) {
        caller.require(Permission.INSPECT);
        Recorded recorded = inspections.record(caller, inspection);
        access.audit(
                caller,
                "INSPECTION_RECORDED",
                "INSPECTION_ENTITY",
                String.valueOf(inspection.entityId()),
                "inspection %d, %d findings"
                        .formatted(recorded.id(), recorded.findings().size()));
        return recorded;
    }

    /** Adds a photo (an image of at most 20 MB) to an inspection. */
    @Transactional
    public long addPhoto(Caller caller, long inspectionId, Long itemId, byte[] bytes, String location) {
        caller.require(Permission.INSPECT);
        return inspections.addPhoto(caller, inspectionId, itemId, null, bytes, location);
    }

    // ---- escalation, closure, reopening ---------------------------------------------------

    @Transactional
    public ClosureView close(Caller caller, long entityId, String reason, String document) {
        caller.require(Permission.INSPECTION_MANAGE);
        ClosureView closure = closures.close(caller, entityId, reason, document);
        access.audit(caller, "INSPECTION_CLOSED", "INSPECTION_ENTITY", Long.toString(entityId), document);
        return closure;
    }

    public Optional<ClosureView> closure(Caller caller, long entityId) {
        requireRead(caller);
        return closures.current(caller, entityId);
    }

    /** Stores the entity's commitment (承诺书: image, PDF or video, at most 20 MB) for its closure. */
    @Transactional
    public long commit(Caller caller, long entityId, String filename, byte[] bytes) {
        requireRead(caller);
        long id = closures.commit(caller, entityId, filename, bytes);
        access.audit(caller, "INSPECTION_COMMITMENT", "INSPECTION_ENTITY", Long.toString(entityId), filename);
        return id;
    }

    /** Reopens a closed entity: only with a commitment and an inspection passed after the closure. */
    @Transactional
    public EntityView reopen(Caller caller, long entityId) {
        caller.require(Permission.INSPECTION_MANAGE);
        closures.reopen(caller, entityId);
        access.audit(caller, "INSPECTION_REOPENED", "INSPECTION_ENTITY", Long.toString(entityId), null);
        return directory.entity(caller, entityId);
    }

    @Transactional
    public long interview(Caller caller, long entityId, String attendees, String agreed) {
        caller.require(Permission.INSPECTION_MANAGE);
        long id = closures.interview(caller, entityId, attendees, agreed);
        access.audit(caller, "INSPECTION_INTERVIEW", "INSPECTION_ENTITY", Long.toString(entityId), attendees);
        return id;
    }

    /** Issues a numbered supervision letter (督办函); returns its number. */
    @Transactional
    public String letter(Caller caller, long entityId, String content, LocalDate replyDue) {
        caller.require(Permission.INSPECTION_MANAGE);
        String number = closures.letter(caller, entityId, content, replyDue);
        access.audit(caller, "INSPECTION_LETTER", "INSPECTION_ENTITY", Long.toString(entityId), number);
        return number;
    }

    // ---- statistics -----------------------------------------------------------------------

    /** The region's statistics; a region outside the jurisdiction is not found. */
    public Stats stats(Caller caller, String regionCode) {
        requireRead(caller);
        return stats.of(grid.region(caller, regionCode == null ? caller.jurisdictionCode() : regionCode)
                .path());
    }

    public List<ZoneStats> zoneStats(Caller caller) {
        requireRead(caller);
        return stats.byZone(caller.jurisdictionPath());
    }

    // ---- bulk (demo county, administration) ------------------------------------------------

    @Transactional
    public void createZones(List<ZoneView> zones) {
        directory.createZones(zones);
    }

    @Transactional
    public long createGroup(String name, String zone, Long parentId, String duties) {
        return directory.createGroup(name, zone, parentId, duties);
    }

    @Transactional
    public void addMembers(List<NewMember> members) {
        directory.addMembers(members);
    }

    @Transactional
    public long registerEntities(List<NewEntity> entities) {
        return directory.register(entities);
    }

    /** Loads past inspections, closures, interviews and letters in bulk. */
    @Transactional
    public void loadHistory(
            List<PastSupervision.PastInspection> past,
            List<PastSupervision.PastClosure> closed,
            List<PastSupervision.PastInterview> interviews,
            List<PastSupervision.PastLetter> letters) {
        history.load(past, closed, interviews, letters, "demo");
    }

    /** The category a place is supervised under, from its kind and its own category. */
    public static String categoryOf(PlaceKind kind, String placeCategory) {
        return Directory.categoryOf(kind, placeCategory);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
