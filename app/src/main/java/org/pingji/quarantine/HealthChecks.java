package org.pingji.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.quarantine.CheckRecorder.Target;
import org.pingji.quarantine.Views.CheckResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twice-daily temperature and symptom checks (self-reported or entered by staff), fever
 * referral, door-sensor events and the escalation of missed checks. Single checks are
 * group-committed ({@link CheckQueue}); the rules of a check are in {@link CheckRecorder}.
 */
@Component
public class HealthChecks {

    /** One check to record. {@code at} defaults to now; temperature in °C. */
    public record Entry(long placementId, Double temperature, List<String> symptoms, Instant at) {}

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final QuarantineSettings settings;
    private final CheckRecorder recorder;
    private final CheckQueue queue;
    private final Clock clock;

    HealthChecks(JdbcClient jdbc, QuarantineSettings settings, CheckRecorder recorder, CheckQueue queue, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.recorder = recorder;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Records checks entered by staff (grid worker, site medic) for placements of the caller's
     * jurisdiction, all or nothing: one bad entry refuses the batch.
     */
    @Transactional
    public List<CheckResult> record(Caller caller, List<Entry> entries) {
        caller.require(Permission.HEALTH_CHECK);
        if (entries == null || entries.isEmpty() || entries.size() > 1000) {
            throw new IllegalArgumentException("checks: 一次提交1到1000条");
        }
        Instant now = Instant.now(clock);
        Map<Long, Target> targets = recorder.targets(
                entries.stream().map(Entry::placementId).distinct().toList());
        int n = entries.size();
        List<CheckRecorder.Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String where = n == 1 ? "" : "第%d条: ".formatted(i + 1);
            var row = CheckRecorder.parse(entries.get(i), where, "STAFF", caller.username(), caller);
            RuntimeException refused = CheckRecorder.refusal(row, targets.get(row.placementId()), now);
            if (refused != null) {
                throw refused;
            }
            rows.add(row);
        }
        return recorder.write(rows, targets, now);
    }

    /**
     * Records one check entered by staff for a placement of the caller's jurisdiction,
     * group-committed with the other single checks: answered once it is durably written.
     */
    public CheckResult recordOne(Caller caller, Entry entry) {
        caller.require(Permission.HEALTH_CHECK);
        return queue.submit(CheckRecorder.parse(entry, "", "STAFF", caller.username(), caller));
    }

    /** A check self-reported on the phone page of a placement's link (group-committed). */
    public CheckResult selfReport(Views.PlacementView placement, double temperature, List<String> symptoms) {
        return queue.submit(
                CheckRecorder.parse(new Entry(placement.id(), temperature, symptoms, null), "", "SELF", null, null));
    }

    /** A door sensor of a placement reported OPEN or CLOSE; an opening raises an alert. */
    @Transactional
    public long doorEvent(Caller caller, long placementId, String sensorId, String event, Instant at) {
        if (!caller.can(Permission.HEALTH_CHECK) && !caller.can(Permission.QUARANTINE_MANAGE)) {
            caller.require(Permission.HEALTH_CHECK);
        }
        if (sensorId == null || sensorId.isBlank() || sensorId.length() > 64) {
            throw new IllegalArgumentException("sensorId: 请填写门磁编号（不超过64字符）");
        }
        if (!"OPEN".equals(event) && !"CLOSE".equals(event)) {
            throw new IllegalArgumentException("event: 须为 OPEN 或 CLOSE");
        }
        Instant now = Instant.now(clock);
        Instant when = at == null ? now : at;
        if (when.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            throw new IllegalArgumentException("at: 不能晚于当前时间");
        }
        Target t = recorder.targets(List.of(placementId)).get(placementId);
        if (t == null || !caller.covers(t.path())) {
            throw new PlacementNotFound("您的辖区内没有编号为 %d 的隔离记录".formatted(placementId));
        }
        if (!t.status().equals("ACTIVE")) {
            throw new QuarantineRefused("隔离 %d 已解除".formatted(placementId));
        }
        long id = jdbc.sql("insert into quarantine.door_events (placement_id, sensor_id, event, at, received_at)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(placementId, sensorId.trim(), event, Timestamp.from(when), Timestamp.from(now))
                .query(Long.class)
                .single();
        if (event.equals("OPEN")) {
            boolean central = t.kind().equals("CENTRAL");
            recorder.raise(
                    t,
                    "DOOR",
                    central ? "SITE" : "GRID_WORKER",
                    "door-" + id,
                    central ? t.sitePath() : t.path(),
                    "%s 的门磁 %s 于 %s 报告开门".formatted(t.personName(), sensorId.trim(), local(when)),
                    now);
        }
        return id;
    }

    /** Marks an alert as handled. */
    @Transactional
    public void acknowledge(Caller caller, long alertId) {
        if (!caller.can(Permission.HEALTH_CHECK) && !caller.can(Permission.QUARANTINE_MANAGE)) {
            caller.require(Permission.HEALTH_CHECK);
        }
        int n = jdbc.sql(
                        """
                        update quarantine.alerts a set acknowledged_by = ?, acknowledged_at = ?
                        from quarantine.placements p where p.id = a.placement_id and a.id = ? and p.path like ?""")
                .params(caller.username(), Timestamp.from(Instant.now(clock)), alertId, caller.pathPattern())
                .update();
        if (n == 0) {
            throw new PlacementNotFound("您的辖区内没有编号为 %d 的预警".formatted(alertId));
        }
    }

    /**
     * Raises the missed-check alerts due at {@code now}: a twice-daily check still missing
     * {@code gridWorkerAfter} after it was due goes to the person's grid worker (micro-grid),
     * after {@code townshipAfter} to the township. Safe to run any number of times.
     *
     * @return the number of new alerts
     */
    @Transactional
    public int escalateMissedChecks(Instant now) {
        List<Target> active = jdbc.sql(
                        """
                        select p.id, p.person_id, p.person_name, p.kind, p.path, s.path, p.status, p.start_at, p.planned_end
                        from quarantine.placements p left join quarantine.sites s on s.place_id = p.site_id
                        where p.status = 'ACTIVE' and p.start_at <= ?""")
                .param(Timestamp.from(now))
                .query((rs, n) -> CheckRecorder.target(rs))
                .list();
        if (active.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        LocalDate from = today.minusDays(2);
        Set<String> done = new HashSet<>();
        jdbc.sql(
                        "select placement_id, slot_date, slot from quarantine.checks where slot_date >= ? and placement_id = any(?)")
                .params(
                        java.sql.Date.valueOf(from),
                        active.stream().map(Target::id).toArray(Long[]::new))
                .query(rs -> {
                    done.add(rs.getLong(1) + "/" + rs.getDate(2) + "/" + rs.getShort(3));
                });
        int raised = 0;
        for (Target t : active) {
            for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
                for (int slot = 0; slot < 2; slot++) {
                    Instant due = ZonedDateTime.of(d, settings.checkTimes().get(slot), settings.zone())
                            .toInstant();
                    if (due.isBefore(t.start())
                            || !due.isBefore(t.plannedEnd())
                            || done.contains(t.id() + "/" + d + "/" + slot)) {
                        continue;
                    }
                    String key = d + (slot == 0 ? "/AM" : "/PM");
                    if (!now.isBefore(due.plus(settings.gridWorkerAfter()))) {
                        raised += recorder.raise(
                                t,
                                "MISSED_CHECK",
                                "GRID_WORKER",
                                key,
                                t.path(),
                                "%s 未按时完成 %s 的健康监测（应于 %s 前）".formatted(t.personName(), key, local(due)),
                                now);
                    }
                    if (!now.isBefore(due.plus(settings.townshipAfter()))) {
                        raised += recorder.raise(
                                t,
                                "MISSED_CHECK",
                                "TOWNSHIP",
                                key,
                                township(t.path()),
                                "%s 超过%d小时未完成 %s 的健康监测，已上报乡镇"
                                        .formatted(
                                                t.personName(),
                                                settings.townshipAfter().toHours(),
                                                key),
                                now);
                    }
                }
            }
        }
        return raised;
    }

    /** The township's path of a path below it ({@code /county/township/}). */
    static String township(String path) {
        String[] parts = path.split("/");
        return parts.length >= 3 ? "/" + parts[1] + "/" + parts[2] + "/" : path;
    }

    /** Day of the placement an instant falls on, day 1 being the local day it started. */
    int dayOf(Instant start, Instant at) {
        return (int) ChronoUnit.DAYS.between(
                        LocalDate.ofInstant(start, settings.zone()), LocalDate.ofInstant(at, settings.zone()))
                + 1;
    }

    /** Local date and time for messages. */
    String local(Instant at) {
        return LOCAL.format(at.atZone(settings.zone()));
    }
}
