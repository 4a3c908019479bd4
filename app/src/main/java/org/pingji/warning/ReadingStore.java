package org.pingji.warning;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL of the readings time series: day partitions (UTC days) of {@code warning.readings}, created
 * ahead by the partition job and on demand before a batch that needs one; the batch insert that
 * skips what is stored already; the intake problem counters.
 */
@Component
class ReadingStore {

    /** A reading to store, with its flag (LATE, FUTURE, FAULT or {@code null}). */
    record Row(String sensorCode, Instant at, double value, Instant receivedAt, String flag) {}

    /** A stored reading as the charts show it. */
    record Point(Instant at, double value, String flag) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();

    ReadingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the day partitions the instants fall into, unless they exist. */
    void ensurePartitions(Collection<Instant> ats) {
        Set<LocalDate> days = new HashSet<>();
        for (Instant at : ats) {
            days.add(LocalDate.ofInstant(at, ZoneOffset.UTC));
        }
        for (LocalDate day : days) {
            if (partitions.contains(day)) {
                continue;
            }
            jdbc.sql(
                            "create table if not exists warning.readings_%s partition of warning.readings for values from ('%s') to ('%s')"
                                    .formatted(
                                            DAY.format(day),
                                            day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                                            day.plusDays(1)
                                                    .atStartOfDay(ZoneOffset.UTC)
                                                    .toInstant()))
                    .update();
            partitions.add(day);
        }
    }

    /** Inserts the rows, skipping any already stored (same sensor and time); returns those inserted. */
    Set<String> insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        ensurePartitions(rows.stream().map(Row::at).toList());
        int n = rows.size();
        String[] codes = new String[n];
        Timestamp[] ats = new Timestamp[n];
        Double[] values = new Double[n];
        Timestamp[] received = new Timestamp[n];
        String[] flags = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            codes[i] = r.sensorCode();
            ats[i] = Timestamp.from(r.at());
            values[i] = r.value();
            received[i] = Timestamp.from(r.receivedAt());
            flags[i] = r.flag();
        }
        Set<String> inserted = new HashSet<>();
        jdbc.sql(
                        """
                        insert into warning.readings (sensor_code, at, value, received_at, flag)
                        select * from unnest(?::text[], ?::timestamptz[], ?::float8[], ?::timestamptz[], ?::text[])
                        on conflict (sensor_code, at) do nothing
                        returning sensor_code, at""")
                .params(codes, ats, values, received, flags)
                .query(rs -> {
                    inserted.add(key(rs.getString(1), rs.getTimestamp(2).toInstant()));
                });
        return inserted;
    }

    static String key(String sensorCode, Instant at) {
        return sensorCode + "@" + at;
    }

    /** Adds to the problem counters: problem → sensor code → (count, last payload). */
    void countProblems(Map<String, Map<String, Incoming>> last, Map<String, Map<String, Integer>> counts, Instant now) {
        counts.forEach((problem, bySensor) -> bySensor.forEach((code, count) -> jdbc.sql(
                        """
                        insert into warning.intake_problems (problem, sensor_code, count, last_at, last_payload)
                        values (?, ?, ?, ?, ?)
                        on conflict (problem, sensor_code) do update set count = intake_problems.count + excluded.count,
                            last_at = excluded.last_at, last_payload = excluded.last_payload""")
                .params(
                        problem,
                        code,
                        count,
                        Timestamp.from(now),
                        last.get(problem).get(code).payload())
                .update()));
    }

    /** The latest readings of a sensor since {@code from}, oldest first. */
    List<Point> series(String sensorCode, Instant from, int limit) {
        return jdbc.sql(
                        """
                        select at, value, flag from (select at, value, flag from warning.readings
                          where sensor_code = ? and at >= ? order by at desc limit ?) r order by at""")
                .params(sensorCode, Timestamp.from(from), limit)
                .query((rs, i) -> new Point(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getString(3)))
                .list();
    }

    /** Latest reading per sensor: code → (at, value, received). */
    Map<String, Row> latest() {
        Map<String, Row> m = new ConcurrentHashMap<>();
        jdbc.sql(
                        """
                        select distinct on (sensor_code) sensor_code, at, value, received_at, flag from warning.readings
                        where flag is null order by sensor_code, at desc""")
                .query(rs -> {
                    m.put(
                            rs.getString(1),
                            new Row(
                                    rs.getString(1),
                                    rs.getTimestamp(2).toInstant(),
                                    rs.getDouble(3),
                                    rs.getTimestamp(4).toInstant(),
                                    rs.getString(5)));
                });
        return m;
    }

    /** Counters of messages that could not be stored, newest first. */
    List<Map<String, Object>> problems() {
        return jdbc.sql(
                        "select problem, sensor_code, count, last_at, last_payload from warning.intake_problems order by last_at desc limit 200")
                .query()
                .listOfRows();
    }
}
