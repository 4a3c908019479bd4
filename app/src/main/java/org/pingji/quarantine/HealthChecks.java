package org.pingji.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.quarantine.Views.CheckResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twice-daily temperature and symptom checks (self-reported or entered by staff), fever
 * referral, door-sensor events and the escalation of missed checks.
 */
@Component
public class HealthChecks {

    /** One check to record. {@code at} defaults to now; temperature in °C. */
    public record Entry(long placementId, Double temperature, List<String> symptoms, Instant at) {}

    private record Target(
            long id,
            long personId,
            String personName,
            String kind,
            String path,
            String sitePath,
            String status,
            Instant start,
            Instant plannedEnd) {}

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final QuarantineSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HealthChecks(JdbcClient jdbc, QuarantineSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
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
        return write(entries, "STAFF", caller.username(), caller);
    }

    /** A check self-reported on the phone page of a placement's link. */
    @Transactional
    public CheckResult selfReport(Views.PlacementView placement, double temperature, List<String> symptoms) {
        return write(List.of(new Entry(placement.id(), temperature, symptoms, null)), "SELF", null, null)
                .getFirst();
    }

    private List<CheckResult> write(List<Entry> entries, String source, String recordedBy, Caller caller) {
        Instant now = Instant.now(clock);
        Map<Long, Target> targets =
                targets(entries.stream().map(Entry::placementId).distinct().toList());
        int n = entries.size();
        Long[] ids = new Long[n];
        Timestamp[] ats = new Timestamp[n];
        java.sql.Date[] dates = new java.sql.Date[n];
        Short[] slots = new Short[n];
        Double[] temperatures = new Double[n];
        String[] symptomLists = new String[n];
        Boolean[] abnormal = new Boolean[n];
        List<List<String>> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            String where = n == 1 ? "" : "第%d条: ".formatted(i + 1);
            if (e.temperature() == null || e.temperature().isNaN() || e.temperature() < 30 || e.temperature() > 45) {
                throw new IllegalArgumentException(where + "temperature: 体温须在30到45°C之间，收到 " + e.temperature());
            }
            List<String> parsed = new ArrayList<>();
            for (String s : e.symptoms() == null ? List.<String>of() : e.symptoms()) {
                parsed.add(Symptom.parse(s)
                        .orElseThrow(() -> new IllegalArgumentException(where + "symptoms: 未知症状 " + s))
                        .name());
            }
            Target t = targets.get(e.placementId());
            if (t == null || (caller != null && !caller.covers(t.path()))) {
                throw new PlacementNotFound(where + "您的辖区内没有编号为 %d 的隔离记录".formatted(e.placementId()));
            }
            if (!t.status().equals("ACTIVE")) {
                throw new QuarantineRefused(where + "隔离 %d 已解除，不能再登记健康监测".formatted(t.id()));
            }
            Instant at = e.at() == null ? now : e.at();
            if (at.isAfter(now.plus(5, ChronoUnit.MINUTES)) || at.isBefore(t.start())) {
                throw new IllegalArgumentException(where + "at: 监测时间须在隔离开始之后且不晚于当前时间");
            }
            LocalDateTime local = LocalDateTime.ofInstant(at, settings.zone());
            ids[i] = t.id();
            ats[i] = Timestamp.from(at);
            dates[i] = java.sql.Date.valueOf(local.toLocalDate());
            slots[i] = (short) (local.getHour() < 12 ? 0 : 1);
            temperatures[i] = Math.round(e.temperature() * 10) / 10.0;
            abnormal[i] = temperatures[i] >= settings.feverThreshold() || !parsed.isEmpty();
            symptomLists[i] = "{" + String.join(",", parsed) + "}";
            codes.add(parsed);
        }
        List<Long> checkIds = jdbc.sql(
                        """
                        insert into quarantine.checks (placement_id, at, slot_date, slot, temperature, symptoms, abnormal, source, recorded_by)
                        select p, a, d, s, t, y::text[], b, ?, ? from unnest(?::bigint[], ?::timestamptz[], ?::date[],
                          ?::smallint[], ?::numeric[], ?::text[], ?::boolean[]) as u(p, a, d, s, t, y, b)
                        returning id""")
                .params(source, recordedBy, ids, ats, dates, slots, temperatures, symptomLists, abnormal)
                .query(Long.class)
                .list();
        List<CheckResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!abnormal[i]) {
                results.add(new CheckResult(true, false, null, "已登记"));
                continue;
            }
            Target t = targets.get(ids[i]);
            String what = temperatures[i] >= settings.feverThreshold()
                    ? "体温 %.1f°C".formatted(temperatures[i])
                    : "症状 "
                            + String.join(
                                    "、",
                                    codes.get(i).stream()
                                            .map(c -> Symptom.valueOf(c).label())
                                            .toList());
            String level = t.kind().equals("CENTRAL") ? "SITE" : "GRID_WORKER";
            raise(
                    t,
                    "FEVER",
                    level,
                    "check-" + checkIds.get(i),
                    level.equals("SITE") ? t.sitePath() : t.path(),
                    "%s，%s；已转介至%s".formatted(t.personName(), what, settings.feverClinic()),
                    now);
            jdbc.sql("update quarantine.placements set referred_at = coalesce(referred_at, ?) where id = ?")
                    .params(Timestamp.from(now), t.id())
                    .update();
            events.publishEvent(
                    new FeverReported(t.personId(), t.id(), temperatures[i], codes.get(i), ats[i].toInstant()));
            results.add(new CheckResult(
                    true, true, settings.feverClinic(), "异常：%s，请前往%s".formatted(what, settings.feverClinic())));
        }
        return results;
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
        Target t = targets(List.of(placementId)).get(placementId);
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
            raise(
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
                .query((rs, n) -> target(rs))
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
                        raised += raise(
                                t,
                                "MISSED_CHECK",
                                "GRID_WORKER",
                                key,
                                t.path(),
                                "%s 未按时完成 %s 的健康监测（应于 %s 前）".formatted(t.personName(), key, local(due)),
                                now);
                    }
                    if (!now.isBefore(due.plus(settings.townshipAfter()))) {
                        raised += raise(
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

    private int raise(Target t, String kind, String level, String key, String targetPath, String detail, Instant now) {
        return jdbc.sql(
                        """
                        insert into quarantine.alerts (placement_id, person_id, kind, level, alert_key, target_path, detail, raised_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (placement_id, kind, level, alert_key) do nothing""")
                .params(
                        t.id(),
                        t.personId(),
                        kind,
                        level,
                        key,
                        targetPath == null ? t.path() : targetPath,
                        detail,
                        Timestamp.from(now))
                .update();
    }

    private Map<Long, Target> targets(List<Long> ids) {
        Map<Long, Target> found = new HashMap<>();
        jdbc.sql(
                        """
                        select p.id, p.person_id, p.person_name, p.kind, p.path, s.path, p.status, p.start_at, p.planned_end
                        from quarantine.placements p left join quarantine.sites s on s.place_id = p.site_id
                        where p.id = any(?)""")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    Target t = target(rs);
                    found.put(t.id(), t);
                });
        return found;
    }

    private static Target target(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Target(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant());
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
