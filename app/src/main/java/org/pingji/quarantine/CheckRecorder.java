package org.pingji.quarantine;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.quarantine.Views.CheckResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules and the writing of health checks, shared by the all-or-nothing batch of staff and
 * the group-committed single checks ({@link CheckQueue}): a check's own values are validated
 * before it is queued ({@link #parse}), its placement in the batch ({@link #refusal}); fever at
 * or above the threshold or a listed symptom raises an alert, refers the person to the fever
 * clinic and publishes {@link FeverReported}.
 */
@Component
class CheckRecorder {

    /** A placement as checks, door events and escalation see it. */
    record Target(
            long id,
            long personId,
            String personName,
            String kind,
            String path,
            String sitePath,
            String status,
            Instant start,
            Instant plannedEnd) {}

    /**
     * One check whose own values are valid: temperature 30–45 °C, known symptoms (codes). The
     * caller is null for a self-report (the placement's link is the authority).
     */
    record Row(
            long placementId,
            double temperature,
            List<String> symptoms,
            Instant at,
            String source,
            String recordedBy,
            Caller caller,
            String where) {}

    private final JdbcClient jdbc;
    private final QuarantineSettings settings;
    private final ApplicationEventPublisher events;

    CheckRecorder(JdbcClient jdbc, QuarantineSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
    }

    /**
     * Validates a check's own values (no database): the temperature and the symptoms.
     *
     * @param where the prefix of messages ({@code 第2条: } in a batch, empty alone)
     * @throws IllegalArgumentException naming the field
     */
    static Row parse(HealthChecks.Entry e, String where, String source, String recordedBy, Caller caller) {
        if (e.temperature() == null || e.temperature().isNaN() || e.temperature() < 30 || e.temperature() > 45) {
            throw new IllegalArgumentException(where + "temperature: 体温须在30到45°C之间，收到 " + e.temperature());
        }
        List<String> parsed = new ArrayList<>();
        for (String s : e.symptoms() == null ? List.<String>of() : e.symptoms()) {
            parsed.add(Symptom.parse(s)
                    .orElseThrow(() -> new IllegalArgumentException(where + "symptoms: 未知症状 " + s))
                    .name());
        }
        return new Row(
                e.placementId(), e.temperature(), List.copyOf(parsed), e.at(), source, recordedBy, caller, where);
    }

    /** Why the check may not be recorded for its placement at {@code now}, or null when it may. */
    static RuntimeException refusal(Row row, Target t, Instant now) {
        String where = row.where();
        if (t == null || (row.caller() != null && !row.caller().covers(t.path()))) {
            return new PlacementNotFound(where + "No placement %d in your jurisdiction".formatted(row.placementId()));
        }
        if (!t.status().equals("ACTIVE")) {
            return new QuarantineRefused(where + "隔离 %d 已解除，不能再登记健康监测".formatted(t.id()));
        }
        Instant at = row.at() == null ? now : row.at();
        if (at.isAfter(now.plus(5, ChronoUnit.MINUTES)) || at.isBefore(t.start())) {
            return new IllegalArgumentException(where + "at: 监测时间须在隔离开始之后且不晚于当前时间");
        }
        return null;
    }

    /**
     * Writes admitted checks in one statement, then the alerts, referrals and events of the
     * abnormal ones; returns one result per row, in order. Runs in the caller's transaction.
     */
    List<CheckResult> write(List<Row> rows, Map<Long, Target> targets, Instant now) {
        int n = rows.size();
        Long[] ids = new Long[n];
        Timestamp[] ats = new Timestamp[n];
        java.sql.Date[] dates = new java.sql.Date[n];
        Short[] slots = new Short[n];
        Double[] temperatures = new Double[n];
        String[] symptomLists = new String[n];
        Boolean[] abnormal = new Boolean[n];
        String[] sources = new String[n];
        String[] recordedBy = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            Instant at = r.at() == null ? now : r.at();
            LocalDateTime local = LocalDateTime.ofInstant(at, settings.zone());
            ids[i] = r.placementId();
            ats[i] = Timestamp.from(at);
            dates[i] = java.sql.Date.valueOf(local.toLocalDate());
            slots[i] = (short) (local.getHour() < 12 ? 0 : 1);
            temperatures[i] = Math.round(r.temperature() * 10) / 10.0;
            abnormal[i] = temperatures[i] >= settings.feverThreshold()
                    || !r.symptoms().isEmpty();
            symptomLists[i] = "{" + String.join(",", r.symptoms()) + "}";
            sources[i] = r.source();
            recordedBy[i] = r.recordedBy();
        }
        List<Long> checkIds = jdbc.sql(
                        """
                        insert into quarantine.checks (placement_id, at, slot_date, slot, temperature, symptoms, abnormal, source, recorded_by)
                        select p, a, d, s, t, y::text[], b, o, r from unnest(?::bigint[], ?::timestamptz[], ?::date[],
                          ?::smallint[], ?::numeric[], ?::text[], ?::boolean[], ?::text[], ?::text[]) as u(p, a, d, s, t, y, b, o, r)
                        returning id""")
                .params(ids, ats, dates, slots, temperatures, symptomLists, abnormal, sources, recordedBy)
                .query(Long.class)
                .list();
        List<CheckResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!abnormal[i]) {
                results.add(new CheckResult(true, false, null, "已登记"));
                continue;
            }
            Target t = targets.get(ids[i]);
            List<String> codes = rows.get(i).symptoms();
            String what = temperatures[i] >= settings.feverThreshold()
                    ? "体温 %.1f°C".formatted(temperatures[i])
                    : "症状 "
                            + String.join(
                                    "、",
                                    codes.stream()
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
            events.publishEvent(new FeverReported(t.personId(), t.id(), temperatures[i], codes, ats[i].toInstant()));
            results.add(new CheckResult(
                    true, true, settings.feverClinic(), "异常：%s，请前往%s".formatted(what, settings.feverClinic())));
        }
        return results;
    }

    /** Raises an alert once per (placement, kind, level, key); returns 1 when it is new. */
    int raise(Target t, String kind, String level, String key, String targetPath, String detail, Instant now) {
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

    /** The placements of the ids, by id (unknown ids are absent). */
    Map<Long, Target> targets(Collection<Long> ids) {
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

    static Target target(java.sql.ResultSet rs) throws java.sql.SQLException {
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
}
