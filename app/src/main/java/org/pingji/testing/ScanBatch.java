package org.pingji.testing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pingji.person.PersonRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scans and seals of one group commit: validated one after the other against the scan
 * state (which they update as they go, so two scans into one tube in the same batch see each
 * other), then written with a handful of set-based statements. If the write fails the writer
 * reloads the state from the database, undoing these updates.
 */
final class ScanBatch {

    static final Pattern BARCODE = Pattern.compile("[A-Z0-9-]{6,32}");

    private record Sample(
            UUID scanId,
            long roundId,
            String tube,
            long personId,
            int attempt,
            long tableId,
            String sampler,
            String microGridCode,
            String path,
            Instant scannedAt,
            Instant arrivedAt) {}

    private final ScanState state;
    private final Instant now;
    private final Duration skew;
    private final Map<Long, PersonRef> byId;
    private final Map<String, PersonRef> byResidentId;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, ScanState.Tube> newTubes = new LinkedHashMap<>();
    private final Map<String, String> openedBy = new HashMap<>();
    private final Map<String, ScanState.Tube> touchedTubes = new LinkedHashMap<>();
    private final Map<String, Instant> sealedAt = new HashMap<>();

    ScanBatch(
            ScanState state,
            Instant now,
            Duration skew,
            Map<Long, PersonRef> byId,
            Map<String, PersonRef> byResidentId) {
        this.state = state;
        this.now = now;
        this.skew = skew;
        this.byId = byId;
        this.byResidentId = byResidentId;
    }

    int sampleCount() {
        return samples.size();
    }

    /** Validates one scan and, when it is accepted, records it in the state and this batch. */
    ScanOutcome apply(Scan scan, String sampler) {
        UUID id = scan.scanId();
        if (id == null) {
            return ScanOutcome.rejected(null, "缺少扫码编号 scanId");
        }
        if (state.scanIds.contains(id)) {
            return ScanOutcome.duplicate(id);
        }
        ScanState.Round round = state.rounds.get(scan.roundId());
        if (round == null || !round.open) {
            return ScanOutcome.rejected(id, "检测轮次 %d 不存在或已结束".formatted(scan.roundId()));
        }
        if (scan.scannedAt() == null) {
            return ScanOutcome.rejected(id, "缺少采样时间 scannedAt");
        }
        if (scan.scannedAt().isAfter(now.plus(skew))) {
            return ScanOutcome.rejected(id, "采样时间 %s 晚于当前时间".formatted(scan.scannedAt()));
        }
        ScanState.Table table = round.tables.get(scan.tableId());
        if (table == null) {
            return ScanOutcome.rejected(id, "采样台 %d 未在本轮开放".formatted(scan.tableId()));
        }
        if (!table.samplers().contains(sampler)) {
            return ScanOutcome.rejected(id, "您（%s）未被分配到采样台「%s」".formatted(sampler, table.name()));
        }
        String barcode =
                scan.tubeBarcode() == null ? "" : scan.tubeBarcode().trim().toUpperCase(Locale.ROOT);
        if (!BARCODE.matcher(barcode).matches()) {
            return ScanOutcome.rejected(id, "试管条码格式错误：%s（应为6-32位字母、数字或-）".formatted(scan.tubeBarcode()));
        }
        PersonRef person = resolve(scan.person());
        if (person == null) {
            return ScanOutcome.rejected(id, personMissingMessage(scan.person()));
        }
        int used = round.attempts.getOrDefault(person.id(), 0);
        ScanState.Recall recall = round.recalled.get(person.id());
        if (used > 0 && recall == null) {
            return ScanOutcome.rejected(id, "%s 本轮已采样".formatted(person.name()));
        }
        ScanState.Tube tube = state.tubes.get(barcode);
        boolean single = recall != null && recall.single();
        if (tube == null) {
            tube = new ScanState.Tube(
                    barcode,
                    round.id,
                    table.tableId(),
                    single ? 1 : round.poolSize,
                    single ? recall.poolBarcode() : null,
                    0,
                    true);
            state.tubes.put(barcode, tube);
            newTubes.put(barcode, tube);
            openedBy.put(barcode, sampler);
        } else {
            if (tube.roundId != round.id) {
                return ScanOutcome.rejected(id, "试管 %s 已在其他检测轮次使用".formatted(barcode));
            }
            if (tube.tableId != table.tableId()) {
                return ScanOutcome.rejected(id, "试管 %s 已在其他采样台使用".formatted(barcode));
            }
            if (!tube.open) {
                return ScanOutcome.rejected(id, "试管 %s 已封管，请换新试管".formatted(barcode));
            }
            if (tube.count >= tube.capacity) {
                return ScanOutcome.rejected(id, "试管 %s 已满（%d/%d）".formatted(barcode, tube.count, tube.capacity));
            }
            if (single) {
                return ScanOutcome.rejected(id, "%s 为混管阳性待复核人员，须单采单检，请使用新试管".formatted(person.name()));
            }
            if (tube.retestOf != null) {
                return ScanOutcome.rejected(id, "试管 %s 是单采复核管，不能再加入他人".formatted(barcode));
            }
        }
        tube.count++;
        touchedTubes.put(barcode, tube);
        String full = "";
        if (tube.count >= tube.capacity) {
            tube.open = false;
            sealedAt.put(barcode, now);
            full = "，试管已满并自动封管";
        }
        round.attempts.put(person.id(), used + 1);
        if (recall != null) {
            round.recalled.remove(person.id());
        }
        state.scanIds.add(id);
        samples.add(new Sample(
                id,
                round.id,
                barcode,
                person.id(),
                used + 1,
                table.tableId(),
                sampler,
                person.microGridCode(),
                person.path(),
                scan.scannedAt(),
                scan.arrivedAt()));
        return ScanOutcome.accepted(
                id, "已采样：%s（试管 %s %d/%d%s）".formatted(person.name(), barcode, tube.count, tube.capacity, full));
    }

    /** Seals an open tube at a table the user is assigned to. */
    String seal(String rawBarcode, String username) {
        String barcode = rawBarcode == null ? "" : rawBarcode.trim().toUpperCase(Locale.ROOT);
        ScanState.Tube tube = state.tubes.get(barcode);
        if (tube == null) {
            throw new TestingRefused("试管 %s 不存在或不属于进行中的检测轮次".formatted(rawBarcode));
        }
        ScanState.Table table = state.rounds.get(tube.roundId).tables.get(tube.tableId);
        if (table == null || !table.samplers().contains(username)) {
            throw new TestingRefused("您（%s）未被分配到试管 %s 所在的采样台".formatted(username, barcode));
        }
        if (!tube.open) {
            throw new TestingRefused("试管 %s 已封管".formatted(barcode));
        }
        if (tube.count == 0) {
            throw new TestingRefused("试管 %s 为空，不能封管".formatted(barcode));
        }
        tube.open = false;
        touchedTubes.put(barcode, tube);
        sealedAt.put(barcode, now);
        return "试管 %s 已封管（%d/%d）".formatted(barcode, tube.count, tube.capacity);
    }

    private PersonRef resolve(Scan.PersonKey key) {
        if (key == null) {
            return null;
        }
        if (key.personId() != null) {
            return byId.get(key.personId());
        }
        if (key.residentId() != null) {
            return byResidentId.get(key.residentId());
        }
        return null;
    }

    private static String personMissingMessage(Scan.PersonKey key) {
        if (key == null || (key.personId() == null && key.residentId() == null && key.statusCode() == null)) {
            return "缺少人员标识（personId、residentId 或 statusCode）";
        }
        if (key.statusCode() != null && key.personId() == null && key.residentId() == null) {
            return "暂不支持以健康码识别人员，请扫描身份证";
        }
        return "未找到该人员，请核对证件或现场登记";
    }

    /** Writes the batch: new tubes, samples (idempotent by scan id), tube fills and seals, coverage. */
    void write(JdbcClient jdbc) {
        Timestamp recordedAt = Timestamp.from(now);
        if (!newTubes.isEmpty()) {
            int n = newTubes.size();
            String[] barcodes = new String[n];
            Long[] rounds = new Long[n];
            Long[] tables = new Long[n];
            Integer[] capacities = new Integer[n];
            String[] retestOf = new String[n];
            String[] by = new String[n];
            int i = 0;
            for (ScanState.Tube t : newTubes.values()) {
                barcodes[i] = t.barcode;
                rounds[i] = t.roundId;
                tables[i] = t.tableId;
                capacities[i] = t.capacity;
                retestOf[i] = t.retestOf;
                by[i++] = openedBy.get(t.barcode);
            }
            jdbc.sql(
                            """
                            insert into testing.tubes (barcode, round_id, table_id, capacity, retest_of, opened_by, opened_at)
                            select b, r, t, c, x, o, ? from unnest(?::text[], ?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::text[])
                              as u(b, r, t, c, x, o)""")
                    .params(recordedAt, barcodes, rounds, tables, capacities, retestOf, by)
                    .update();
        }
        if (!samples.isEmpty()) {
            int n = samples.size();
            UUID[] ids = new UUID[n];
            Long[] rounds = new Long[n];
            String[] tubes = new String[n];
            Long[] people = new Long[n];
            Integer[] attempts = new Integer[n];
            Long[] tables = new Long[n];
            String[] samplers = new String[n];
            String[] grids = new String[n];
            String[] paths = new String[n];
            Timestamp[] scanned = new Timestamp[n];
            Timestamp[] arrived = new Timestamp[n];
            Map<String, Long> firstSamples = new HashMap<>();
            Map<String, Long> coverageRound = new HashMap<>();
            Map<String, String> coveragePath = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Sample s = samples.get(i);
                ids[i] = s.scanId();
                rounds[i] = s.roundId();
                tubes[i] = s.tube();
                people[i] = s.personId();
                attempts[i] = s.attempt();
                tables[i] = s.tableId();
                samplers[i] = s.sampler();
                grids[i] = s.microGridCode();
                paths[i] = s.path();
                scanned[i] = Timestamp.from(s.scannedAt());
                arrived[i] = s.arrivedAt() == null ? null : Timestamp.from(s.arrivedAt());
                if (s.attempt() == 1) {
                    String key = s.roundId() + ":" + s.microGridCode();
                    firstSamples.merge(key, 1L, Long::sum);
                    coverageRound.put(key, s.roundId());
                    coveragePath.put(key, s.path());
                }
            }
            jdbc.sql(
                            """
                            insert into testing.samples (scan_id, round_id, tube_barcode, person_id, attempt, table_id, sampler,
                                                         micro_grid_code, path, scanned_at, arrived_at, recorded_at)
                            select i, r, t, p, a, tb, s, g, pa, sa, ar, ? from unnest(?::uuid[], ?::bigint[], ?::text[], ?::bigint[],
                                ?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])
                              as u(i, r, t, p, a, tb, s, g, pa, sa, ar)
                            on conflict (scan_id) do nothing""")
                    .params(
                            recordedAt,
                            ids,
                            rounds,
                            tubes,
                            people,
                            attempts,
                            tables,
                            samplers,
                            grids,
                            paths,
                            scanned,
                            arrived)
                    .update();
            if (!firstSamples.isEmpty()) {
                String[] keys = firstSamples.keySet().toArray(String[]::new);
                jdbc.sql(
                                """
                                insert into testing.coverage (round_id, micro_grid_code, path, sampled)
                                select r, g, p, n from unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[]) as u(r, g, p, n)
                                on conflict (round_id, micro_grid_code) do update set sampled = testing.coverage.sampled + excluded.sampled""")
                        .params(
                                java.util.Arrays.stream(keys)
                                        .map(coverageRound::get)
                                        .toArray(Long[]::new),
                                java.util.Arrays.stream(keys)
                                        .map(k -> k.substring(k.indexOf(':') + 1))
                                        .toArray(String[]::new),
                                java.util.Arrays.stream(keys)
                                        .map(coveragePath::get)
                                        .toArray(String[]::new),
                                java.util.Arrays.stream(keys)
                                        .map(firstSamples::get)
                                        .toArray(Long[]::new))
                        .update();
            }
            List<Sample> resampled =
                    samples.stream().filter(s -> s.attempt() > 1).toList();
            if (!resampled.isEmpty()) {
                jdbc.sql(
                                """
                                update testing.recalls c set status = 'RESAMPLED', retest_barcode = u.t
                                from unnest(?::bigint[], ?::bigint[], ?::text[]) as u(r, p, t)
                                where c.round_id = u.r and c.person_id = u.p and c.status = 'AWAITING'""")
                        .params(
                                resampled.stream().map(Sample::roundId).toArray(Long[]::new),
                                resampled.stream().map(Sample::personId).toArray(Long[]::new),
                                resampled.stream().map(Sample::tube).toArray(String[]::new))
                        .update();
            }
        }
        if (!touchedTubes.isEmpty()) {
            int n = touchedTubes.size();
            String[] barcodes = new String[n];
            Integer[] counts = new Integer[n];
            Timestamp[] sealed = new Timestamp[n];
            int i = 0;
            for (ScanState.Tube t : touchedTubes.values()) {
                barcodes[i] = t.barcode;
                counts[i] = t.count;
                Instant at = sealedAt.get(t.barcode);
                sealed[i++] = at == null ? null : Timestamp.from(at);
            }
            jdbc.sql(
                            """
                            update testing.tubes t set sample_count = u.c,
                              status = case when u.s is null then t.status else 'SEALED' end,
                              sealed_at = coalesce(t.sealed_at, u.s)
                            from unnest(?::text[], ?::int[], ?::timestamptz[]) as u(b, c, s) where t.barcode = u.b""")
                    .params(barcodes, counts, sealed)
                    .update();
        }
    }
}
