package org.pingji.person;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridWorkerView;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;
import org.pingji.platform.CountyTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Door-to-door visit campaigns (不漏一户、不落一人): an officer opens one over a region with a name
 * and a start date; every household of the region is to be visited in it. The current campaign of
 * a micro-grid is the latest started one over it. Also the visit pages' jurisdiction: a grid worker
 * reaches only the micro-grids they keep, anyone else their jurisdiction; outside is not found.
 */
@Component
class VisitCampaigns {

    /** A campaign as listed. */
    record Campaign(
            long id,
            String regionCode,
            String regionName,
            String name,
            LocalDate startsOn,
            String createdBy,
            Instant closedAt,
            String closedBy) {
        public boolean closed() {
            return closedAt != null;
        }
    }

    private static final String COLUMNS = "id, region_code, name, starts_on, created_by, closed_at, closed_by";

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;
    private final CountyTime time;
    private final Clock clock;

    VisitCampaigns(JdbcClient jdbc, GridManagement grid, AccessManagement access, CountyTime time, Clock clock) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
        this.time = time;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(time.zone()));
    }

    /**
     * Opens a campaign over a region of the caller's jurisdiction (a township, village, grid or
     * micro-grid; the county too for the commander).
     */
    @Transactional
    Campaign open(Caller caller, String regionCode, String name, LocalDate startsOn) {
        caller.require(Permission.VISIT_MANAGE);
        if (regionCode == null || regionCode.isBlank()) {
            throw new IllegalArgumentException("region: 请选择走访区域");
        }
        String title = name == null ? "" : name.trim();
        if (title.isEmpty() || title.length() > 60) {
            throw new IllegalArgumentException("name: 请填写走访名称（不超过60个字）");
        }
        if (startsOn == null) {
            throw new IllegalArgumentException("startsOn: 请填写开始日期");
        }
        if (startsOn.isAfter(today().plusDays(30)) || startsOn.isBefore(today().minusYears(1))) {
            throw new IllegalArgumentException("startsOn: 开始日期 %s 应在一年前至30天后之间".formatted(startsOn));
        }
        Region region = regionInJurisdiction(caller, regionCode.trim());
        long id = jdbc.sql(
                        """
                        insert into person.visit_campaigns (region_code, path, name, starts_on, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        region.code(),
                        region.path(),
                        title,
                        Date.valueOf(startsOn),
                        caller.username(),
                        Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
        access.audit(caller, "VISIT_CAMPAIGN_OPENED", "REGION", region.code(), "campaign %d %s".formatted(id, title));
        return new Campaign(id, region.code(), region.name(), title, startsOn, caller.username(), null, null);
    }

    /**
     * Closes a campaign over a region of the caller's jurisdiction: no visit is recorded in it
     * afterwards and it is no longer a micro-grid's current campaign; its coverage stays readable.
     */
    @Transactional
    Campaign close(Caller caller, long id) {
        caller.require(Permission.VISIT_MANAGE);
        Campaign campaign = get(caller, id);
        if (!caller.covers(path(id))) {
            throw VisitConflict.openedAbove(campaign.name());
        }
        int n = jdbc.sql(
                        "update person.visit_campaigns set closed_at = ?, closed_by = ? where id = ? and closed_at is null")
                .params(Timestamp.from(Instant.now(clock)), caller.username(), id)
                .update();
        if (n != 1) {
            throw new VisitConflict("走访任务「%s」已结束".formatted(campaign.name()));
        }
        access.audit(caller, "VISIT_CAMPAIGN_CLOSED", "REGION", campaign.regionCode(), "campaign %d".formatted(id));
        return get(caller, id);
    }

    /** Campaigns over the caller's area or inside it, latest first (at most 100). */
    List<Campaign> list(Caller caller) {
        caller.require(Permission.REGION_READ);
        String path = caller.jurisdictionPath();
        return jdbc.sql(
                        """
                        select %s from person.visit_campaigns
                        where path like ? or ? like path || '%%' order by starts_on desc, id desc limit 100"""
                                .formatted(COLUMNS))
                .params(path + "%", path)
                .query((rs, n) -> campaign(rs))
                .list();
    }

    /** A campaign the caller may see (over their area or inside it); 404 otherwise. */
    Campaign get(Caller caller, long id) {
        caller.require(Permission.REGION_READ);
        String path = caller.jurisdictionPath();
        return jdbc.sql(
                        """
                        select %s from person.visit_campaigns
                        where id = ? and (path like ? or ? like path || '%%')"""
                                .formatted(COLUMNS))
                .params(id, path + "%", path)
                .query((rs, n) -> campaign(rs))
                .optional()
                .orElseThrow(() -> new VisitNotFound("走访任务 %d 不存在或不在您的辖区".formatted(id)));
    }

    private Campaign campaign(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp closedAt = rs.getTimestamp(6);
        return new Campaign(
                rs.getLong(1),
                rs.getString(2),
                grid.findRegion(rs.getString(2)).map(Region::name).orElse(rs.getString(2)),
                rs.getString(3),
                rs.getDate(4).toLocalDate(),
                rs.getString(5),
                closedAt == null ? null : closedAt.toInstant(),
                rs.getString(7));
    }

    /** The path of a campaign's region (for the coverage queries). */
    String path(long id) {
        return jdbc.sql("select path from person.visit_campaigns where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    /** The latest campaign started by today over the micro-grid, if any. */
    Optional<Campaign> current(Caller caller, String microGridCode) {
        Region microGrid = microGrid(caller, microGridCode);
        return jdbc.sql(
                        """
                        select id from person.visit_campaigns where ? like path || '%' and starts_on <= ?
                          and (ends_on is null or ends_on >= ?) and closed_at is null order by starts_on desc, id desc limit 1""")
                .params(microGrid.path(), Date.valueOf(today()), Date.valueOf(today()))
                .query(Long.class)
                .optional()
                .map(id -> get(caller, id));
    }

    /**
     * A micro-grid the caller may visit: for a grid worker one they keep, for anyone else one of
     * their jurisdiction. Anything else is not found (404), so a code outside reveals nothing.
     */
    Region microGrid(Caller caller, String code) {
        caller.require(Permission.LEDGER_READ);
        Region region = code == null ? null : grid.findRegion(code.trim()).orElse(null);
        if (region == null
                || region.level() != RegionLevel.MICRO_GRID
                || !caller.covers(region.path())
                || (caller.role() == Role.GRID_WORKER && !keptBy(caller).contains(region.code()))) {
            throw new VisitNotFound("微网格 %s 不存在或不在您的辖区".formatted(code));
        }
        return region;
    }

    /** The micro-grids a grid worker keeps (empty for other roles). */
    List<String> keptBy(Caller caller) {
        if (caller.role() != Role.GRID_WORKER) {
            return List.of();
        }
        return grid.gridWorkers(caller, caller.jurisdictionCode()).stream()
                .filter(w -> w.username().equals(caller.username()))
                .map(GridWorkerView::microGridCodes)
                .findFirst()
                .orElse(List.of());
    }

    /** A region inside the caller's jurisdiction; 404 outside or unknown. */
    Region regionInJurisdiction(Caller caller, String code) {
        Region region = grid.findRegion(code).orElse(null);
        if (region == null || !caller.covers(region.path())) {
            throw new VisitNotFound("区域 %s 不存在或不在您的辖区".formatted(code));
        }
        return region;
    }
}
