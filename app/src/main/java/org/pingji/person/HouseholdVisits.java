package org.pingji.person;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.PlaceView;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visits of a campaign in a micro-grid: which households were visited (已走访) and which not,
 * and the recording of one visit — who was found, who is away, moved out or has a new phone, who
 * moved in — in one transaction, or nothing when any part is wrong.
 */
@Component
class HouseholdVisits {

    /** A household of the micro-grid with its last visit in the campaign (null: not visited). */
    record HouseholdStatus(
            long householdId, String name, int members, LocalDate visitedOn, String visitedBy, Integer found) {
        @com.fasterxml.jackson.annotation.JsonProperty("visited")
        public boolean visited() {
            return visitedOn != null;
        }
    }

    /** What a recorded visit wrote. */
    record Recorded(long visitId, long householdId, int found, int changes, List<Long> movedIn) {}

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;
    private final PersonManagement persons;
    private final VisitCampaigns campaigns;
    private final VisitWrites writes;

    HouseholdVisits(
            JdbcClient jdbc,
            GridManagement grid,
            AccessManagement access,
            PersonManagement persons,
            VisitCampaigns campaigns,
            VisitWrites writes) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
        this.persons = persons;
        this.campaigns = campaigns;
        this.writes = writes;
    }

    /** The micro-grid's households, not visited first, each with its last visit in the campaign. */
    List<HouseholdStatus> households(Caller caller, long campaignId, String microGridCode) {
        var campaign = campaigns.get(caller, campaignId);
        Region microGrid = campaigns.microGrid(caller, microGridCode);
        requireInCampaign(campaignId, microGrid, campaign.name());
        List<PlaceView> places = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            List<PlaceView> chunk = grid.places(caller, microGrid.code(), PlaceKind.HOUSEHOLD, page, 500);
            places.addAll(chunk);
            if (chunk.size() < 500) {
                break;
            }
        }
        Map<Long, Integer> members = new HashMap<>();
        jdbc.sql(
                        """
                        select household_id, count(*) from person.persons
                        where micro_grid_code = ? and household_id is not null and merged_into is null
                        group by household_id""")
                .param(microGrid.code())
                .query(rs -> {
                    members.put(rs.getLong(1), rs.getInt(2));
                });
        Map<Long, Object[]> last = new HashMap<>();
        jdbc.sql(
                        """
                        select distinct on (household_id) household_id, visited_on, visited_by, found
                        from person.household_visits where campaign_id = ? and micro_grid_code = ?
                        order by household_id, recorded_at desc, id desc""")
                .params(campaignId, microGrid.code())
                .query(rs -> {
                    last.put(rs.getLong(1), new Object[] {rs.getDate(2).toLocalDate(), rs.getString(3), rs.getInt(4)});
                });
        List<HouseholdStatus> result = new ArrayList<>();
        for (PlaceView p : places) {
            Object[] v = last.get(p.id());
            result.add(new HouseholdStatus(
                    p.id(),
                    p.name(),
                    members.getOrDefault(p.id(), 0),
                    v == null ? null : (LocalDate) v[0],
                    v == null ? null : (String) v[1],
                    v == null ? null : (Integer) v[2]));
        }
        result.sort(java.util.Comparator.comparing(HouseholdStatus::visited));
        return result;
    }

    /** A household of a micro-grid the caller may visit; 404 otherwise. */
    PlaceView household(Caller caller, long campaignId, long householdId) {
        var campaign = campaigns.get(caller, campaignId);
        PlaceView household = grid.place(householdId)
                .filter(p -> p.kind() == PlaceKind.HOUSEHOLD)
                .orElseThrow(() -> new VisitNotFound("户 %d 不存在或不在您的辖区".formatted(householdId)));
        Region microGrid = campaigns.microGrid(caller, household.microGridCode());
        requireInCampaign(campaignId, microGrid, campaign.name());
        return household;
    }

    /** The household's last visit in the campaign, if any. */
    HouseholdStatus lastVisit(long campaignId, PlaceView household) {
        return jdbc.sql(
                        """
                        select visited_on, visited_by, found from person.household_visits
                        where campaign_id = ? and household_id = ? order by recorded_at desc, id desc limit 1""")
                .params(campaignId, household.id())
                .query((rs, n) -> new HouseholdStatus(
                        household.id(),
                        household.name(),
                        0,
                        rs.getDate(1).toLocalDate(),
                        rs.getString(2),
                        rs.getInt(3)))
                .optional()
                .orElse(null);
    }

    /**
     * Records a visit: checks every part first (a member who is not in the household, a bad phone
     * or ID, a date outside the campaign: 400 naming it), then writes the visit, its changes and
     * the moved-in persons in one transaction. Audited.
     */
    @Transactional
    Recorded record(Caller caller, long campaignId, long householdId, VisitRequest request) {
        caller.require(Permission.VISIT_RECORD);
        var campaign = campaigns.get(caller, campaignId);
        if (campaign.closed()) {
            throw new VisitConflict("走访任务「%s」已结束，不能再登记走访".formatted(campaign.name()));
        }
        PlaceView household = household(caller, campaignId, householdId);
        Region microGrid = grid.requireMicroGrid(household.microGridCode());
        LocalDate today = campaigns.today();
        LocalDate day = request.visitedOn() == null ? today : request.visitedOn();
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("visitedOn: 走访日期 %s 晚于今天".formatted(day));
        }
        if (day.isBefore(campaign.startsOn())) {
            throw new IllegalArgumentException("visitedOn: 走访日期 %s 早于本次走访的开始日期 %s".formatted(day, campaign.startsOn()));
        }
        if (request.note() != null && request.note().length() > 500) {
            throw new IllegalArgumentException("note: 备注不超过500个字");
        }
        Set<Long> current = new HashSet<>();
        persons.householdMembers(caller, householdId).forEach(m -> current.add(m.id()));
        Set<Long> seen = new HashSet<>();
        List<VisitWrites.MemberChange> members = new ArrayList<>();
        for (VisitRequest.Member m : request.membersOrEmpty()) {
            if (m.personId() == null || !current.contains(m.personId())) {
                throw new IllegalArgumentException("members: 人员 %s 不是本户成员".formatted(m.personId()));
            }
            if (!seen.add(m.personId())) {
                throw new IllegalArgumentException("members: 人员 %d 重复填写".formatted(m.personId()));
            }
            if (m.isMovedOut() && (m.isFound() || m.isAway())) {
                throw new IllegalArgumentException("members: 已迁出的人员不能同时标记为在家或外出");
            }
            if (m.isAway() && m.isFound()) {
                throw new IllegalArgumentException("members: 同一人不能既在家又外出");
            }
            String phone;
            try {
                phone = Phone.parseOptional(m.newPhone());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("newPhone: 新手机号有误：" + e.getMessage());
            }
            members.add(new VisitWrites.MemberChange(m.personId(), m.isFound(), m.isAway(), m.isMovedOut(), phone));
        }
        List<VisitWrites.Arrival> arrivals = new ArrayList<>();
        int n = 0;
        for (VisitRequest.MovedIn in : request.movedInOrEmpty()) {
            n++;
            arrivals.add(writes.arrival(in, n, today));
        }
        int found =
                (int) members.stream().filter(VisitWrites.MemberChange::found).count() + arrivals.size();
        long visitId = jdbc.sql(
                        """
                        insert into person.household_visits (campaign_id, household_id, micro_grid_code, path,
                            visited_on, visited_by, found, note, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        campaignId,
                        householdId,
                        microGrid.code(),
                        microGrid.path(),
                        Date.valueOf(day),
                        caller.username(),
                        found,
                        request.note() == null || request.note().isBlank()
                                ? null
                                : request.note().trim(),
                        Timestamp.from(Instant.now(writes.clock())))
                .query(Long.class)
                .single();
        int changes = writes.applyMembers(visitId, members);
        List<Long> movedIn = writes.applyArrivals(visitId, arrivals, householdId, microGrid);
        changes += movedIn.size();
        access.audit(
                caller,
                "HOUSEHOLD_VISITED",
                "PLACE",
                Long.toString(householdId),
                "campaign %d visit %d: %d found, %d changes, %d moved in"
                        .formatted(campaignId, visitId, found, changes, movedIn.size()));
        return new Recorded(visitId, householdId, found, changes, movedIn);
    }

    private void requireInCampaign(long campaignId, Region microGrid, String name) {
        if (!microGrid.path().startsWith(campaigns.path(campaignId))) {
            throw new VisitNotFound("微网格 %s 不在走访「%s」的范围内".formatted(microGrid.code(), name));
        }
    }
}
