package org.pingji.companion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridWorkerView;
import org.pingji.person.PersonManagement;
import org.pingji.person.Phone;
import org.pingji.policy.PolicyEditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Companion runs and their follow-ups. A run applies the companion definition of the policy edition in force
 * when it starts. A run is stored RUNNING, executed by one background worker at a time (the
 * Spark job takes the machine's cores), and ends DONE with its companions or FAILED with the reason. Each
 * companion whose phone belongs to a ledger person in the run's jurisdiction becomes a follow-up of a grid
 * worker of that person's micro-grid.
 */
@Service
public class CompanionManagement {

    private static final Logger log = LoggerFactory.getLogger(CompanionManagement.class);

    /** A new run: the period {@code [from, to)} and the case phones (any common spelling; normalised here). */
    public record NewRun(List<String> casePhones, Instant from, Instant to) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CompanionJobLauncher launcher;
    private final CompanionSettings settings;
    private final PersonManagement persons;
    private final GridManagement grid;
    private final AccessManagement access;
    private final PolicyEditions policy;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "companion-runs");
        t.setDaemon(true);
        return t;
    });

    CompanionManagement(
            JdbcClient jdbc,
            TransactionTemplate tx,
            CompanionJobLauncher launcher,
            CompanionSettings settings,
            PersonManagement persons,
            GridManagement grid,
            AccessManagement access,
            PolicyEditions policy,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.launcher = launcher;
        this.settings = settings;
        this.persons = persons;
        this.grid = grid;
        this.access = access;
        this.policy = policy;
        this.clock = clock;
    }

    /** Runs cut off by a restart cannot resume: they are marked FAILED. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedRuns() {
        jdbc.sql(
                        "update companion.runs set state = 'FAILED', error = '平台重启，计算中断', finished_at = ? where state = 'RUNNING'")
                .param(java.sql.Timestamp.from(Instant.now(clock)))
                .update();
    }

    /**
     * Validates the request, keeps the uploaded pings and starts the run in the background; returns its id.
     *
     * @throws IllegalArgumentException for an empty file, no or malformed case phones, or {@code from >= to}
     */
    public long start(Caller caller, NewRun run, String fileName, InputStream pings) throws IOException {
        caller.require(Permission.COMPANION_RUN);
        if (run.from() == null || run.to() == null) {
            throw new IllegalArgumentException("请求须包含 from 和 to（ISO-8601 时间）");
        }
        if (!run.from().isBefore(run.to())) {
            throw new IllegalArgumentException("时段开始 %s 不早于结束 %s".formatted(run.from(), run.to()));
        }
        if (run.casePhones() == null || run.casePhones().isEmpty()) {
            throw new IllegalArgumentException("casePhones 不能为空：至少需要一个病例手机号");
        }
        List<String> cases = new ArrayList<>();
        for (String raw : run.casePhones()) {
            String phone = Phone.parseOptional(raw);
            if (phone == null) {
                throw new IllegalArgumentException("casePhones 含空号码");
            }
            if (!cases.contains(phone)) {
                cases.add(phone);
            }
        }
        launcher.requireJob();
        Path dir = Files.createDirectories(Path.of(settings.workDir())).resolve("run-" + java.util.UUID.randomUUID());
        Files.createDirectories(dir);
        Path raw = dir.resolve("upload");
        long bytes;
        try (InputStream in = pings) {
            bytes = Files.copy(in, raw);
        }
        if (bytes == 0) {
            deleteQuietly(dir);
            throw new IllegalArgumentException("pings 文件为空");
        }
        PingFormat format = PingFormat.detect(raw, fileName);
        Path file = dir.resolve(format.fileName());
        Files.move(raw, file);
        Instant now = Instant.now(clock);
        CompanionDefinition definition = CompanionDefinition.of(policy.inForce(now), settings);
        long id = jdbc.sql(
                        """
                        insert into companion.runs (created_by, jurisdiction_code, path, period_from, period_to, case_count,
                            case_phones_masked, file_name, file_bytes, definition, state, progress, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?) returning id""")
                .params(
                        caller.username(),
                        caller.jurisdictionCode(),
                        caller.jurisdictionPath(),
                        java.sql.Timestamp.from(run.from()),
                        java.sql.Timestamp.from(run.to()),
                        cases.size(),
                        String.join(", ", cases.stream().map(Phone::mask).toList()),
                        fileName == null ? "pings" : fileName,
                        bytes,
                        definition.text(),
                        java.sql.Timestamp.from(now))
                .query(Long.class)
                .single();
        access.audit(caller, "COMPANION_RUN_START", "COMPANION_RUN", Long.toString(id), cases.size() + " case phones");
        worker.submit(
                () -> execute(caller, id, file, format == PingFormat.PARQUET, run.from(), run.to(), cases, definition));
        return id;
    }

    private void execute(
            Caller caller,
            long id,
            Path file,
            boolean parquet,
            Instant from,
            Instant to,
            List<String> cases,
            CompanionDefinition definition) {
        try {
            double[] last = {0};
            CompanionJobLauncher.JobResult result = launcher.run(file, parquet, from, to, cases, definition, p -> {
                if (p - last[0] >= 0.01 || p >= 1.0) {
                    last[0] = p;
                    jdbc.sql("update companion.runs set progress = ? where id = ?")
                            .params(Math.min(p, 0.99), id)
                            .update();
                }
            });
            tx.executeWithoutResult(s -> store(caller, id, result));
            deleteQuietly(file.getParent());
        } catch (Exception e) {
            log.warn("Companion run {} failed (files kept in {})", id, file.getParent(), e);
            jdbc.sql("update companion.runs set state = 'FAILED', error = ?, finished_at = ? where id = ?")
                    .params(
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                            java.sql.Timestamp.from(Instant.now(clock)),
                            id)
                    .update();
        }
    }

    private void store(Caller caller, long id, CompanionJobLauncher.JobResult result) {
        Instant now = Instant.now(clock);
        for (Map.Entry<String, Long> e : result.badRows().entrySet()) {
            jdbc.sql("insert into companion.run_bad_rows (run_id, reason, rows) values (?, ?, ?)")
                    .params(id, e.getKey(), e.getValue())
                    .update();
        }
        Map<String, PersonManagement.PhoneHolder> holders = new HashMap<>();
        for (PersonManagement.PhoneHolder h : persons.findByPhones(
                caller,
                result.companions().stream()
                        .map(CompanionJobLauncher.JobCompanion::phone)
                        .toList())) {
            holders.putIfAbsent(h.phone(), h);
        }
        Map<String, String> workerOfMicroGrid = new HashMap<>();
        for (CompanionJobLauncher.JobCompanion c : result.companions()) {
            PersonManagement.PhoneHolder holder = holders.get(c.phone());
            long companionId = jdbc.sql(
                            """
                            insert into companion.companions (run_id, phone_cipher, phone_masked, person_id, cell,
                                overlap_seconds, first_seen, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            id,
                            persons.sealPhone(c.phone()),
                            Phone.mask(c.phone()),
                            holder == null ? null : holder.personId(),
                            c.cell(),
                            c.overlapSeconds(),
                            java.sql.Timestamp.from(c.firstSeen()),
                            java.sql.Timestamp.from(c.lastSeen()))
                    .query(Long.class)
                    .single();
            if (holder != null) {
                String assignee =
                        workerOfMicroGrid.computeIfAbsent(holder.microGridCode(), code -> gridWorker(caller, code));
                jdbc.sql(
                                """
                                insert into companion.follow_ups (companion_id, run_id, person_id, micro_grid_code, path,
                                    assigned_to, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                        .params(
                                companionId,
                                id,
                                holder.personId(),
                                holder.microGridCode(),
                                holder.path(),
                                assignee,
                                java.sql.Timestamp.from(now),
                                java.sql.Timestamp.from(now))
                        .update();
            }
        }
        jdbc.sql("update companion.runs set state = 'DONE', progress = 1, used_rows = ?, finished_at = ? where id = ?")
                .params(result.usedRows(), java.sql.Timestamp.from(now), id)
                .update();
    }

    /** The micro-grid's grid worker: a full-time one first, then by username; null when it has none. */
    private String gridWorker(Caller caller, String microGridCode) {
        return grid.gridWorkers(caller, microGridCode).stream()
                .sorted(java.util.Comparator.comparing(
                                (GridWorkerView w) -> w.employment() == GridWorkerView.Employment.FULL_TIME ? 0 : 1)
                        .thenComparing(GridWorkerView::username))
                .map(GridWorkerView::username)
                .findFirst()
                .orElse(null);
    }

    /** One run with its companions (full phones: the read is audited); 404 outside the jurisdiction. */
    public RunView run(Caller caller, long id) {
        caller.require(Permission.COMPANION_RUN);
        RunView run = jdbc.sql(
                        """
                        select id, state, progress, used_rows, period_from, period_to, case_count, case_phones_masked,
                               file_name, file_bytes, definition, error, created_by, created_at, finished_at
                        from companion.runs where id = ? and path like ?""")
                .params(id, caller.pathPattern())
                .query(CompanionManagement::runRow)
                .optional()
                .orElseThrow(() -> new CompanionRunNotFound("伴随计算", id));
        Map<String, Long> bad = new TreeMap<>();
        jdbc.sql("select reason, rows from companion.run_bad_rows where run_id = ?")
                .param(id)
                .query(rs -> {
                    bad.put(rs.getString(1), rs.getLong(2));
                });
        List<RunView.CompanionView> companions = jdbc.sql(
                        """
                        select c.phone_cipher, c.person_id, c.cell, c.overlap_seconds, c.first_seen, c.last_seen, f.status
                        from companion.companions c left join companion.follow_ups f on f.companion_id = c.id
                        where c.run_id = ? order by c.overlap_seconds desc, c.id""")
                .param(id)
                .query((rs, n) -> new RunView.CompanionView(
                        persons.openPhone(rs.getBytes(1)),
                        (Long) rs.getObject(2),
                        rs.getString(3),
                        Math.floor(rs.getLong(4) / 6.0) / 10.0,
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
        if (!companions.isEmpty()) {
            access.audit(
                    caller, "COMPANION_RUN_READ", "COMPANION_RUN", Long.toString(id), companions.size() + " phones");
        }
        return new RunView(
                run.id(),
                run.state(),
                run.progress(),
                bad,
                run.usedRows(),
                companions,
                run.from(),
                run.to(),
                run.caseCount(),
                run.casePhonesMasked(),
                run.fileName(),
                run.fileBytes(),
                run.definition(),
                run.error(),
                run.createdBy(),
                run.createdAt(),
                run.finishedAt());
    }

    /** Progress only (no phones, not audited): for the progress bar. */
    public RunView progress(Caller caller, long id) {
        caller.require(Permission.COMPANION_RUN);
        return jdbc.sql(
                        """
                        select id, state, progress, used_rows, period_from, period_to, case_count, case_phones_masked,
                               file_name, file_bytes, definition, error, created_by, created_at, finished_at,
                               (select count(*) from companion.companions c where c.run_id = r.id)
                        from companion.runs r where id = ? and path like ?""")
                .params(id, caller.pathPattern())
                .query(CompanionManagement::runRow)
                .optional()
                .orElseThrow(() -> new CompanionRunNotFound("伴随计算", id));
    }

    /** The latest 50 runs in the caller's jurisdiction (no phones). */
    public List<RunView> runs(Caller caller) {
        caller.require(Permission.COMPANION_RUN);
        return jdbc
                .sql("select id from companion.runs where path like ? order by id desc limit 50")
                .param(caller.pathPattern())
                .query(Long.class)
                .list()
                .stream()
                .map(id -> progress(caller, id))
                .toList();
    }

    /**
     * Follow-ups: a grid worker's own (assigned to them, in their jurisdiction); with {@code runId}, a run's
     * follow-ups for those who may read runs.
     */
    public List<FollowUpView> followUps(Caller caller, Long runId) {
        String select =
                """
                select f.id, f.run_id, f.person_id, f.micro_grid_code, f.assigned_to, f.status, c.phone_masked, c.cell,
                       c.overlap_seconds, c.first_seen, c.last_seen, f.first_test, f.second_test, f.updated_at
                from companion.follow_ups f join companion.companions c on c.id = f.companion_id
                """;
        if (runId != null) {
            caller.require(Permission.COMPANION_RUN);
            return jdbc.sql(select + " where f.run_id = ? and f.path like ? order by f.id")
                    .params(runId, caller.pathPattern())
                    .query(CompanionManagement::followUp)
                    .list();
        }
        caller.require(Permission.COMPANION_FOLLOW_UP);
        return jdbc.sql(select + " where f.assigned_to = ? and f.path like ? order by f.id desc limit 500")
                .params(caller.username(), caller.pathPattern())
                .query(CompanionManagement::followUp)
                .list();
    }

    private static FollowUpView followUp(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FollowUpView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                Math.floor(rs.getLong(9) / 6.0) / 10.0,
                rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11).toInstant(),
                rs.getString(12),
                rs.getString(13),
                rs.getTimestamp(14).toInstant());
    }

    /**
     * Records a step of a follow-up the caller is assigned to (an admin may record any in the jurisdiction).
     * Order: LOCATE, FIRST_TEST (result), SECOND_TEST (result), CLEAR (both negative); ESCALATE at any point before
     * the end. Audited.
     *
     * @throws FollowUpRefused when the step does not fit the current status
     */
    public FollowUpView record(Caller caller, long followUpId, FollowUpStep step, String result, String note) {
        caller.require(Permission.COMPANION_FOLLOW_UP);
        FollowUpView f = jdbc.sql(
                        """
                        select f.id, f.run_id, f.person_id, f.micro_grid_code, f.assigned_to, f.status, c.phone_masked,
                               c.cell, c.overlap_seconds, c.first_seen, c.last_seen, f.first_test, f.second_test, f.updated_at
                        from companion.follow_ups f join companion.companions c on c.id = f.companion_id
                        where f.id = ? and f.path like ? for update of f""")
                .params(followUpId, caller.pathPattern())
                .query(CompanionManagement::followUp)
                .optional()
                .filter(v ->
                        caller.can(Permission.ADMINISTER) || caller.username().equals(v.assignedTo()))
                .orElseThrow(() -> new CompanionRunNotFound("伴随核查任务", followUpId));
        String test = result == null ? null : result.trim().toUpperCase(java.util.Locale.ROOT);
        if ((step == FollowUpStep.FIRST_TEST || step == FollowUpStep.SECOND_TEST)
                && !Set.of("NEGATIVE", "POSITIVE").contains(test)) {
            throw new IllegalArgumentException("检测结果须为 NEGATIVE 或 POSITIVE，实际为 " + result);
        }
        String next =
                switch (step) {
                    case LOCATE -> require(f, "OPEN", "LOCATED");
                    case FIRST_TEST -> require(f, "LOCATED", "FIRST_TESTED");
                    case SECOND_TEST -> require(f, "FIRST_TESTED", "SECOND_TESTED");
                    case CLEAR -> {
                        require(f, "SECOND_TESTED", "CLEARED");
                        if (!"NEGATIVE".equals(f.firstTest()) || !"NEGATIVE".equals(f.secondTest())) {
                            throw new FollowUpRefused(
                                    "两次检测均为阴性才能解除（第一次 %s，第二次 %s）".formatted(f.firstTest(), f.secondTest()));
                        }
                        yield "CLEARED";
                    }
                    case ESCALATE -> {
                        if (!f.open()) {
                            throw new FollowUpRefused("核查任务 %d 已结束（%s）".formatted(followUpId, f.status()));
                        }
                        yield "ESCALATED";
                    }
                };
        Instant now = Instant.now(clock);
        jdbc.sql(
                        """
                        update companion.follow_ups set status = ?, updated_at = ?,
                            first_test = case when ? = 'FIRST_TEST' then ? else first_test end,
                            second_test = case when ? = 'SECOND_TEST' then ? else second_test end
                        where id = ?""")
                .params(next, java.sql.Timestamp.from(now), step.name(), test, step.name(), test, followUpId)
                .update();
        jdbc.sql(
                        """
                        insert into companion.follow_up_steps (follow_up_id, step, result, note, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(followUpId, step.name(), test, note, caller.username(), java.sql.Timestamp.from(now))
                .update();
        access.audit(
                caller,
                "COMPANION_FOLLOW_UP",
                "PERSON",
                Long.toString(f.personId()),
                step.name() + (test == null ? "" : " " + test));
        return followUps(caller, null).stream()
                .filter(v -> v.id() == followUpId)
                .findFirst()
                .orElseGet(() -> f);
    }

    private static String require(FollowUpView f, String status, String next) {
        if (!f.status().equals(status)) {
            throw new FollowUpRefused("核查任务 %d 当前为 %s，只有 %s 状态才能进入 %s".formatted(f.id(), f.status(), status, next));
        }
        return next;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", dir, e);
        }
    }

    /** A run's row (columns id … finished_at, in that order) without bad rows and companions. */
    private static RunView runRow(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new RunView(
                rs.getLong(1),
                rs.getString(2),
                rs.getDouble(3),
                Map.of(),
                (Long) rs.getObject(4),
                List.of(),
                rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant(),
                rs.getInt(7),
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getTimestamp(14).toInstant(),
                rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant());
    }
}
