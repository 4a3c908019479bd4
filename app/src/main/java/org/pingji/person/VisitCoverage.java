package org.pingji.person;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.PlaceView;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;
import org.pingji.grid.RegionSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far a campaign has come: households visited of all households, for a region and each of its
 * children (one grouped query), and the households not yet visited, also as an audited workbook.
 */
@Component
class VisitCoverage {

    /** Visited of total households in one region. */
    record Count(String code, String name, RegionLevel level, long visited, long total) {
        @com.fasterxml.jackson.annotation.JsonProperty("percent")
        public int percent() {
            return total == 0 ? 0 : (int) Math.min(100, visited * 100 / total);
        }
    }

    /** The region's figure, its children's and the first households not visited. */
    record Coverage(Count region, List<Count> children, List<PlaceView> unvisited, boolean more) {}

    static final int SHOWN = 200;
    private static final int CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;
    private final VisitCampaigns campaigns;

    VisitCoverage(JdbcClient jdbc, GridManagement grid, AccessManagement access, VisitCampaigns campaigns) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
        this.campaigns = campaigns;
    }

    /** The region of the campaign to count: the asked one, else the campaign's clipped to the caller's area. */
    Region region(Caller caller, long campaignId, String regionCode) {
        var campaign = campaigns.get(caller, campaignId);
        String campaignPath = campaigns.path(campaignId);
        String code = regionCode != null && !regionCode.isBlank()
                ? regionCode.trim()
                : campaignPath.startsWith(caller.jurisdictionPath())
                        ? campaign.regionCode()
                        : caller.jurisdictionCode();
        Region region = campaigns.regionInJurisdiction(caller, code);
        if (!region.path().startsWith(campaignPath)) {
            throw new VisitNotFound("区域 %s 不在走访「%s」的范围内".formatted(code, campaign.name()));
        }
        return region;
    }

    Coverage coverage(Caller caller, long campaignId, String regionCode) {
        caller.require(Permission.LEDGER_READ);
        Region region = region(caller, campaignId, regionCode);
        RegionSummary summary = grid.summary(caller, region.code());
        Map<String, Long> byChild = new HashMap<>();
        long[] visited = {0};
        jdbc.sql(
                        """
                        select split_part(substr(path, length(?) + 1), '/', 1), count(distinct household_id)
                        from person.household_visits where campaign_id = ? and path like ? group by 1""")
                .params(region.path(), campaignId, region.path() + "%")
                .query(rs -> {
                    byChild.put(rs.getString(1), rs.getLong(2));
                    visited[0] += rs.getLong(2);
                });
        List<Count> children = new ArrayList<>();
        if (region.level() != RegionLevel.MICRO_GRID) {
            for (RegionSummary c : grid.children(caller, region.code())) {
                children.add(
                        new Count(c.code(), c.name(), c.level(), byChild.getOrDefault(c.code(), 0L), c.households()));
            }
        }
        List<PlaceView> unvisited = new ArrayList<>();
        boolean more = unvisited(caller, campaignId, region, h -> {
            if (unvisited.size() >= SHOWN) {
                return false;
            }
            unvisited.add(h);
            return true;
        });
        return new Coverage(
                new Count(region.code(), region.name(), region.level(), visited[0], summary.households()),
                children,
                unvisited,
                more);
    }

    /** The households not visited as XLSX (户编号, 住址, 微网格); audited. */
    void export(Caller caller, long campaignId, String regionCode, OutputStream out) throws IOException {
        caller.require(Permission.LEDGER_EXPORT);
        Region region = region(caller, campaignId, regionCode);
        var campaign = campaigns.get(caller, campaignId);
        Workbook workbook = new Workbook(out, "Pingji", "1.0");
        Worksheet sheet = workbook.newWorksheet("未走访住户");
        LedgerExport.header(sheet, "户编号", "住址", "微网格编码", "微网格");
        Map<String, String> names = new HashMap<>();
        int[] row = {1};
        unvisited(caller, campaignId, region, h -> {
            sheet.value(row[0], 0, Long.toString(h.id()));
            sheet.value(row[0], 1, h.address() == null ? h.name() : h.address());
            sheet.value(row[0], 2, h.microGridCode());
            sheet.value(row[0], 3, names.computeIfAbsent(h.microGridCode(), c -> grid.findRegion(c)
                    .map(Region::name)
                    .orElse(c)));
            row[0]++;
            return true;
        });
        workbook.finish();
        access.audit(
                caller,
                "LEDGER_EXPORT",
                "REGION",
                region.code(),
                "campaign %d「%s」unvisited households %d rows".formatted(campaignId, campaign.name(), row[0] - 1));
    }

    /** Feeds the region's unvisited households to {@code sink} until it says stop; true when stopped early. */
    private boolean unvisited(
            Caller caller, long campaignId, Region region, java.util.function.Predicate<PlaceView> sink) {
        Set<Long> visited = new HashSet<>(jdbc.sql(
                        "select distinct household_id from person.household_visits where campaign_id = ? and path like ?")
                .params(campaignId, region.path() + "%")
                .query(Long.class)
                .list());
        for (int page = 0; ; page++) {
            List<PlaceView> chunk = grid.places(caller, region.code(), PlaceKind.HOUSEHOLD, page, CHUNK);
            for (PlaceView h : chunk) {
                if (!visited.contains(h.id()) && !sink.test(h)) {
                    return true;
                }
            }
            if (chunk.size() < CHUNK) {
                return false;
            }
        }
    }
}
