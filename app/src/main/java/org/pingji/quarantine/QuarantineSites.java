package org.pingji.quarantine;

import java.util.ArrayList;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Central quarantine sites: registering them, their rooms and their staff. */
@Component
class QuarantineSites {

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;
    private final QuarantineQueries queries;

    QuarantineSites(JdbcClient jdbc, GridManagement grid, AccessManagement access, QuarantineQueries queries) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
        this.queries = queries;
    }

    /**
     * Gives every quarantine site (grid place of kind QUARANTINE_SITE) in the region that has no
     * rooms yet {@code rooms} rooms on floors of ten and three staff (the demo county).
     */
    @Transactional
    void furnishSites(String regionCode, int rooms) {
        for (GridManagement.Site site : grid.sitesIn(regionCode, PlaceKind.QUARANTINE_SITE)) {
            int inserted = jdbc.sql(
                            """
                            insert into quarantine.sites (place_id, name, micro_grid_code, path) values (?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(site.id(), site.name(), site.microGridCode(), site.path())
                    .update();
            if (inserted == 0) {
                continue;
            }
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < rooms; i++) {
                numbers.add("%d%02d".formatted(i / 10 + 1, i % 10 + 1));
            }
            addRoomsUnchecked(site.id(), numbers);
            String[][] staff = {{"医护组组长", "医疗"}, {"隔离点管理员", "管理"}, {"安保人员", "安保"}};
            for (String[] s : staff) {
                jdbc.sql("insert into quarantine.staff (site_id, name, duty) values (?, ?, ?)")
                        .params(site.id(), site.name() + s[0], s[1])
                        .update();
            }
        }
    }

    /** Adds rooms to a site of the caller's jurisdiction (registering the site on first use). */
    @Transactional
    int addRooms(Caller caller, long siteId, List<String> numbers) {
        caller.require(Permission.QUARANTINE_MANAGE);
        var place = grid.place(siteId)
                .filter(p -> p.kind() == PlaceKind.QUARANTINE_SITE)
                .orElseThrow(() -> new PlacementNotFound("隔离点 %d 不存在".formatted(siteId)));
        String path = grid.findRegion(place.microGridCode()).orElseThrow().path();
        caller.requireCovers(path, "隔离点 " + siteId);
        if (numbers == null || numbers.isEmpty() || numbers.size() > 1000) {
            throw new IllegalArgumentException("numbers: 请填写1到1000个房间号");
        }
        for (String n : numbers) {
            if (n == null || n.isBlank() || n.length() > 20) {
                throw new IllegalArgumentException("numbers: 房间号须为1到20个字符: " + n);
            }
        }
        jdbc.sql("insert into quarantine.sites (place_id, name, micro_grid_code, path) values (?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(siteId, place.name(), place.microGridCode(), path)
                .update();
        List<String> existing = jdbc.sql("select number from quarantine.rooms where site_id = ? and number = any(?)")
                .params(siteId, numbers.stream().map(String::trim).toArray(String[]::new))
                .query(String.class)
                .list();
        if (!existing.isEmpty() || numbers.stream().map(String::trim).distinct().count() != numbers.size()) {
            throw new QuarantineRefused("房间号重复: " + (existing.isEmpty() ? numbers : existing));
        }
        addRoomsUnchecked(siteId, numbers.stream().map(String::trim).toList());
        access.audit(caller, "QUARANTINE_ROOMS_ADDED", "SITE", Long.toString(siteId), numbers.size() + " rooms");
        return numbers.size();
    }

    private void addRoomsUnchecked(long siteId, List<String> numbers) {
        jdbc.sql("insert into quarantine.rooms (site_id, number) select ?, n from unnest(?::text[]) as u(n)")
                .params(siteId, numbers.toArray(String[]::new))
                .update();
    }

    /** Adds a member of staff to a site. */
    @Transactional
    long addStaff(Caller caller, long siteId, String name, String duty) {
        caller.require(Permission.QUARANTINE_MANAGE);
        var site = queries.site(caller, siteId);
        if (name == null
                || name.isBlank()
                || name.length() > 50
                || duty == null
                || duty.isBlank()
                || duty.length() > 50) {
            throw new IllegalArgumentException("name/duty: 请填写姓名和岗位（各不超过50字）");
        }
        long id = jdbc.sql("insert into quarantine.staff (site_id, name, duty) values (?, ?, ?) returning id")
                .params(site.id(), name.trim(), duty.trim())
                .query(Long.class)
                .single();
        access.audit(caller, "QUARANTINE_STAFF_ADDED", "SITE", Long.toString(siteId), name.trim());
        return id;
    }
}
