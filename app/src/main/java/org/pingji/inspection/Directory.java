package org.pingji.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.pingji.access.Caller;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.inspection.InspectionManagement.EntityView;
import org.pingji.inspection.InspectionManagement.GroupView;
import org.pingji.inspection.InspectionManagement.Member;
import org.pingji.inspection.InspectionManagement.NewEntity;
import org.pingji.inspection.InspectionManagement.NewMember;
import org.pingji.inspection.InspectionManagement.ZoneView;
import org.pingji.platform.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The directories: zones, supervised entities on places, groups with subgroups and members, conflicts. */
@Component
class Directory {

    static final Set<String> CATEGORIES = Set.of(
            "PHARMACY", "SUPERMARKET", "SHOP", "MARKET", "VENUE", "CHECKPOINT", "COLLECTION_POINT", "QUARANTINE_SITE");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final GridManagement grid;

    Directory(JdbcClient jdbc, DataSource dataSource, GridManagement grid) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.grid = grid;
    }

    /** The category a place is supervised under, from its kind and its own category (药店, 超市...). */
    static String categoryOf(PlaceKind kind, String placeCategory) {
        return switch (kind) {
            case CHECKPOINT -> "CHECKPOINT";
            case COLLECTION_POINT, SAMPLING_TABLE -> "COLLECTION_POINT";
            case QUARANTINE_SITE -> "QUARANTINE_SITE";
            case VENUE -> "农贸市场".equals(placeCategory) ? "MARKET" : "VENUE";
            case SHOP ->
                switch (placeCategory == null ? "" : placeCategory) {
                    case "药店" -> "PHARMACY";
                    case "超市", "便利店" -> "SUPERMARKET";
                    default -> "SHOP";
                };
            default -> throw InspectionRefused.invalid("place_kind", "该类场所（%s）不纳入督查".formatted(kind));
        };
    }

    static String requireCategory(String category) {
        if (category != null && !CATEGORIES.contains(category)) {
            throw InspectionRefused.invalid(
                    "category",
                    "类别须为 %s 之一：%s"
                            .formatted(
                                    String.join(
                                            "、", CATEGORIES.stream().sorted().toList()),
                                    category));
        }
        return category;
    }

    void createZones(List<ZoneView> zones) {
        for (ZoneView z : zones) {
            jdbc.sql("insert into inspection.zones (code, name, region_code, townships) values (?, ?, ?, ?)")
                    .params(z.code(), z.name(), z.regionCode(), z.townships())
                    .update();
        }
    }

    List<ZoneView> zones() {
        return jdbc.sql(
                        """
                        select z.code, z.name, z.region_code, z.townships,
                               (select count(*) from inspection.entities e where e.zone_code = z.code)
                        from inspection.zones z order by z.code""")
                .query((rs, n) ->
                        new ZoneView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    void requireZone(String zone) {
        if (zone != null
                && jdbc.sql("select count(*) from inspection.zones where code = ?")
                                .param(zone)
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw InspectionRefused.invalid("zone", "没有片区 " + zone);
        }
    }

    /** Registers entities in bulk (COPY); places' paths come from the grid. Returns how many. */
    long register(List<NewEntity> entities) {
        var rows = new PgCopy.Rows();
        Map<String, String> paths = new LinkedHashMap<>();
        for (NewEntity e : entities) {
            requireCategory(e.category());
            if (e.riskClass() < 1 || e.riskClass() > 4) {
                throw InspectionRefused.invalid("risk_class", "风险等级须为1至4：" + e.riskClass());
            }
            String path = paths.computeIfAbsent(
                    e.microGridCode(), code -> grid.requireMicroGrid(code).path());
            rows.field(e.placeId())
                    .field(e.name())
                    .field(e.category())
                    .field(e.licence())
                    .field(e.riskClass())
                    .field(e.zone())
                    .field(e.subgroupId())
                    .field(path)
                    .field(e.complaints())
                    .end();
        }
        return PgCopy.copy(
                dataSource,
                "inspection.entities (place_id, name, category, licence, risk_class, zone_code, subgroup_id, path, complaints)",
                rows);
    }

    private static final String ENTITY_COLUMNS =
            "e.id, e.place_id, e.name, e.zone_code, e.category, e.risk_class, e.state, e.licence, e.subgroup_id, e.path";

    static EntityView entity(ResultSet rs, int n) throws SQLException {
        long subgroup = rs.getLong(9);
        return new EntityView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getString(8),
                rs.wasNull() ? null : subgroup,
                rs.getString(10));
    }

    List<EntityView> entities(Caller caller, String zone, String category, int limit) {
        return jdbc.sql(
                        "select " + ENTITY_COLUMNS
                                + """
                         from inspection.entities e
                        where e.path like :path and (cast(:zone as text) is null or e.zone_code = :zone)
                          and (cast(:category as text) is null or e.category = :category)
                        order by e.zone_code, e.id limit :limit""")
                .param("path", caller.pathPattern())
                .param("zone", zone)
                .param("category", category)
                .param("limit", limit)
                .query(Directory::entity)
                .list();
    }

    /** The entity, refused as not found outside the caller's jurisdiction. */
    EntityView entity(Caller caller, long id) {
        return jdbc.sql("select " + ENTITY_COLUMNS + " from inspection.entities e where e.id = ?")
                .param(id)
                .query(Directory::entity)
                .optional()
                .filter(e -> caller.covers(e.path()))
                .orElseThrow(() -> InspectionRefused.notFound("督查对象 " + id));
    }

    long createGroup(String name, String zone, Long parentId, String duties) {
        return jdbc.sql(
                        "insert into inspection.groups (name, zone_code, parent_id, duties) values (?, ?, ?, ?) returning id")
                .params(name, zone, parentId, duties)
                .query(Long.class)
                .single();
    }

    void addMembers(List<NewMember> members) {
        for (NewMember m : members) {
            jdbc.sql(
                            """
                            insert into inspection.members (group_id, user_id, username, name, field) values (?, ?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(m.groupId(), m.userId(), m.username(), m.name(), m.field())
                    .update();
        }
    }

    void declareConflict(long userId, long entityId, String reason) {
        jdbc.sql(
                        """
                        insert into inspection.conflicts (user_id, entity_id, reason) values (?, ?, ?)
                        on conflict (user_id, entity_id) do update set reason = excluded.reason""")
                .params(userId, entityId, reason)
                .update();
    }

    /** Groups (top level first, then their subgroups) with their members and entity counts. */
    List<GroupView> groups() {
        Map<Long, List<Member>> members = new LinkedHashMap<>();
        jdbc.sql("select group_id, user_id, username, name, field from inspection.members order by group_id, username")
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Member(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return jdbc.sql(
                        """
                        select g.id, g.name, g.zone_code, g.parent_id, g.duties,
                               (select count(*) from inspection.entities e where e.subgroup_id = g.id)
                        from inspection.groups g order by coalesce(g.parent_id, g.id), g.parent_id nulls first, g.id""")
                .query((rs, n) -> {
                    long parent = rs.getLong(4);
                    Long parentId = rs.wasNull() ? null : parent;
                    return new GroupView(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            parentId,
                            rs.getString(5),
                            members.getOrDefault(rs.getLong(1), List.of()),
                            rs.getInt(6));
                })
                .list();
    }

    /** Every inspector (a member of any group) by user id, with their name. */
    Map<Long, Member> inspectors(String zone) {
        Map<Long, Member> byId = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select distinct m.user_id, m.username, m.name, m.field from inspection.members m
                        join inspection.groups g on g.id = m.group_id
                        where cast(:zone as text) is null or g.zone_code = :zone order by m.user_id""")
                .param("zone", zone)
                .query(rs -> {
                    byId.putIfAbsent(
                            rs.getLong(1),
                            new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return byId;
    }

    /** The conflicts of interest declared for the entity: user id to reason. */
    Map<Long, String> conflictsOf(long entityId) {
        Map<Long, String> conflicts = new LinkedHashMap<>();
        jdbc.sql("select user_id, reason from inspection.conflicts where entity_id = ?")
                .param(entityId)
                .query(rs -> {
                    conflicts.put(rs.getLong(1), rs.getString(2));
                });
        return conflicts;
    }
}
