package org.pingji.command;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingji.access.AccessManagement;
import org.pingji.access.AccessRefused;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 指令统一下达: directives issued by a level to regions below it or to task groups, acknowledged
 * (签收) and completed by each recipient; overdue ones are escalated by {@link Escalation}.
 */
@Component
class Directives {

    static final String GROUP_PREFIX = "group:";
    static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final GridManagement grid;
    private final AccessManagement access;
    private final Clock clock;

    Directives(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            GridManagement grid,
            AccessManagement access,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.grid = grid;
        this.access = access;
        this.clock = clock;
    }

    long issue(Caller caller, NewDirective d) {
        caller.require(Permission.DIRECTIVE_ISSUE);
        if (d.title() == null || d.title().isBlank()) {
            throw new CommandRefused("title: 请填写指令标题");
        }
        if (d.title().length() > 200) {
            throw new CommandRefused(
                    "title: 标题最多 200 字，现为 %d 字".formatted(d.title().length()));
        }
        if (d.body() != null && d.body().length() > 20_000) {
            throw new CommandRefused("body: 正文最多 20000 字");
        }
        Instant now = Instant.now(clock);
        if (d.deadline() == null) {
            throw new CommandRefused("deadline: 请填写完成时限");
        }
        if (!d.deadline().isAfter(now)) {
            throw new CommandRefused("deadline: 完成时限 %s 已过，须晚于当前时间".formatted(d.deadline()));
        }
        Set<String> codes = new LinkedHashSet<>(d.regionCodes() == null ? List.of() : d.regionCodes());
        Set<Long> groups = new LinkedHashSet<>(d.groupIds() == null ? List.of() : d.groupIds());
        if (codes.isEmpty() && groups.isEmpty()) {
            throw new CommandRefused("regionCodes: 请至少选择一个接收单位");
        }
        Region issuer = grid.region(caller, caller.jurisdictionCode());
        List<Region> regions = new ArrayList<>();
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                throw new CommandRefused("regionCodes: 区域代码不能为空");
            }
            Region r = grid.findRegion(code)
                    .orElseThrow(() -> new CommandRefused("regionCodes: 区域 %s 不存在".formatted(code)));
            caller.requireCovers(r.path(), "区域 " + code);
            if (r.code().equals(issuer.code())) {
                throw new CommandRefused("regionCodes: 指令须下达给下级单位，不能下达给本级 %s".formatted(code));
            }
            regions.add(r);
        }
        for (Long g : groups) {
            boolean exists = g != null
                    && jdbc.sql("select count(*) from command.task_groups where id = ?")
                                    .param(g)
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!exists) {
                throw new CommandRefused("groupIds: 工作组 %s 不存在".formatted(g));
            }
        }
        boolean response = d.responseRequired() == null || d.responseRequired();
        Long id = transaction.execute(tx -> {
            long directive = jdbc.sql(
                            """
                            insert into command.directives
                              (title, body, issuer, issuer_code, issuer_path, issued_at, deadline, response_required)
                            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            d.title().strip(),
                            d.body() == null ? "" : d.body().strip(),
                            caller.username(),
                            issuer.code(),
                            issuer.path(),
                            Timestamp.from(now),
                            Timestamp.from(d.deadline()),
                            response)
                    .query(Long.class)
                    .single();
            for (Region r : regions) {
                jdbc.sql("insert into command.directive_recipients (directive_id, region_code, path) values (?, ?, ?)")
                        .params(directive, r.code(), r.path())
                        .update();
            }
            for (Long g : groups) {
                jdbc.sql(
                                """
                                insert into command.directive_recipients (directive_id, region_code, path, group_id)
                                values (?, ?, ?, ?)""")
                        .params(directive, GROUP_PREFIX + g, issuer.path(), g)
                        .update();
            }
            access.audit(
                    caller,
                    "COMMAND_DIRECTIVE_ISSUED",
                    "DIRECTIVE",
                    String.valueOf(directive),
                    "%s → %d regions, %d groups".formatted(d.title().strip(), regions.size(), groups.size()));
            return directive;
        });
        return id;
    }

    /** Directives the caller issued (or its subtree issued) or received, newest first. */
    List<DirectiveView> list(Caller caller, int limit) {
        caller.require(Permission.REGION_READ);
        List<Long> ids = jdbc.sql(
                        """
                        select d.id from command.directives d
                        where d.issuer_path like ?
                           or exists (select 1 from command.directive_recipients r where r.directive_id = d.id and r.path like ?)
                        order by d.id desc limit ?""")
                .params(caller.pathPattern(), caller.pathPattern(), Math.clamp(limit, 1, 500))
                .query(Long.class)
                .list();
        return ids.stream().map(id -> view(caller, id)).toList();
    }

    DirectiveView view(Caller caller, long id) {
        caller.require(Permission.REGION_READ);
        Instant now = Instant.now(clock);
        var head = jdbc.sql(
                        """
                        select id, title, body, issuer, issuer_code, issued_at, deadline, response_required, issuer_path
                        from command.directives where id = ?""")
                .param(id)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getTimestamp(7).toInstant(),
                    rs.getBoolean(8),
                    rs.getString(9)
                })
                .optional()
                .orElseThrow(() -> notFound(id));
        boolean issuerSide = caller.covers((String) head[8]);
        Instant issued = (Instant) head[5];
        Instant deadline = (Instant) head[6];
        boolean response = (Boolean) head[7];
        Map<String, List<DirectiveView.Attachment>> files = new HashMap<>();
        jdbc.sql(
                        """
                        select region_code, id, filename, octet_length(content) from command.directive_attachments
                        where directive_id = ? order by id""")
                .param(id)
                .query(rs -> {
                    files.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new DirectiveView.Attachment(rs.getLong(2), rs.getString(3), rs.getLong(4)));
                });
        List<DirectiveView.Recipient> recipients = new ArrayList<>();
        jdbc.sql(
                        """
                        select r.region_code, r.path, r.group_id, g.name, r.acknowledged_at, r.acknowledged_by,
                               r.done_at, r.done_by, r.done_text, r.escalated_at
                        from command.directive_recipients r left join command.task_groups g on g.id = r.group_id
                        where r.directive_id = ? order by r.group_id nulls first, r.region_code""")
                .param(id)
                .query(rs -> {
                    if (!issuerSide && !caller.covers(rs.getString(2))) {
                        return;
                    }
                    String code = rs.getString(1);
                    Instant ack = instant(rs, 5);
                    Instant done = instant(rs, 7);
                    Long group = (Long) rs.getObject(3);
                    String name = group != null
                            ? rs.getString(4)
                            : grid.findRegion(code).map(Region::name).orElse(code);
                    boolean overdue = now.isAfter(deadline) && (response ? done == null : ack == null);
                    recipients.add(new DirectiveView.Recipient(
                            code,
                            name,
                            group,
                            issued,
                            ack,
                            rs.getString(6),
                            done,
                            rs.getString(8),
                            rs.getString(9),
                            overdue,
                            instant(rs, 10),
                            files.getOrDefault(code, List.of())));
                });
        if (!issuerSide && recipients.isEmpty()) {
            throw notFound(id);
        }
        return new DirectiveView(
                id,
                (String) head[1],
                (String) head[2],
                (String) head[3],
                (String) head[4],
                issued,
                deadline,
                response,
                recipients.size(),
                (int) recipients.stream()
                        .filter(r -> r.acknowledgedAt() != null)
                        .count(),
                (int) recipients.stream().filter(r -> r.doneAt() != null).count(),
                (int) recipients.stream()
                        .filter(DirectiveView.Recipient::overdue)
                        .count(),
                recipients);
    }

    /** 签收 by the addressed region (the caller's own region) or, for a task group, by the command. */
    DirectiveView.Recipient acknowledge(Caller caller, long id, String regionCode) {
        String code = recipientCode(caller, id, regionCode);
        Instant now = Instant.now(clock);
        transaction.executeWithoutResult(tx -> {
            int n = jdbc.sql(
                            """
                            update command.directive_recipients set acknowledged_at = ?, acknowledged_by = ?
                            where directive_id = ? and region_code = ? and acknowledged_at is null""")
                    .params(Timestamp.from(now), caller.username(), id, code)
                    .update();
            if (n == 1) {
                access.audit(caller, "COMMAND_DIRECTIVE_ACKNOWLEDGED", "DIRECTIVE", String.valueOf(id), code);
            }
        });
        return recipient(caller, id, code);
    }

    /** A file attached to a completion report. */
    record Upload(String filename, String contentType, byte[] content) {}

    /** Completion report with text and attachments; the recipient must have acknowledged first. */
    DirectiveView.Recipient complete(Caller caller, long id, String regionCode, String text, List<Upload> uploads) {
        String code = recipientCode(caller, id, regionCode);
        DirectiveView.Recipient r = recipient(caller, id, code);
        if (r.acknowledgedAt() == null) {
            throw new CommandConflict("指令 %d 尚未签收，请先签收再报告完成".formatted(id));
        }
        if (r.doneAt() != null) {
            throw new CommandConflict("%s 已于 %s 报告完成指令 %d".formatted(r.name(), r.doneAt(), id));
        }
        if (text == null || text.isBlank()) {
            throw new CommandRefused("text: 请填写完成情况");
        }
        if (text.length() > 5000) {
            throw new CommandRefused("text: 完成情况最多 5000 字，现为 %d 字".formatted(text.length()));
        }
        List<Upload> files = uploads == null ? List.of() : uploads;
        for (Upload u : files) {
            if (u.content().length > MAX_ATTACHMENT_BYTES) {
                throw new CommandRefused("attachments: 附件 %s 超过 10 MB".formatted(u.filename()));
            }
        }
        Instant now = Instant.now(clock);
        transaction.executeWithoutResult(tx -> {
            int n = jdbc.sql(
                            """
                            update command.directive_recipients set done_at = ?, done_by = ?, done_text = ?
                            where directive_id = ? and region_code = ? and done_at is null""")
                    .params(Timestamp.from(now), caller.username(), text.strip(), id, code)
                    .update();
            if (n != 1) {
                throw new CommandConflict("指令 %d 已报告完成".formatted(id));
            }
            for (Upload u : files) {
                jdbc.sql(
                                """
                                insert into command.directive_attachments
                                  (directive_id, region_code, filename, content_type, content, uploaded_by, uploaded_at)
                                values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                id,
                                code,
                                u.filename() == null || u.filename().isBlank() ? "附件" : u.filename(),
                                u.contentType(),
                                u.content(),
                                caller.username(),
                                Timestamp.from(now))
                        .update();
            }
            access.audit(caller, "COMMAND_DIRECTIVE_DONE", "DIRECTIVE", String.valueOf(id), code);
        });
        return recipient(caller, id, code);
    }

    /** An attachment's name, type and bytes, if the caller may see the directive's recipient. */
    Upload attachment(Caller caller, long id, long attachmentId) {
        DirectiveView view = view(caller, id);
        return jdbc.sql(
                        """
                        select region_code, filename, content_type, content from command.directive_attachments
                        where directive_id = ? and id = ?""")
                .params(id, attachmentId)
                .query((rs, n) ->
                        new Object[] {rs.getString(1), new Upload(rs.getString(2), rs.getString(3), rs.getBytes(4))})
                .optional()
                .filter(row ->
                        view.recipients().stream().anyMatch(r -> r.regionCode().equals(row[0])))
                .map(row -> (Upload) row[1])
                .orElseThrow(() -> new CommandNotFound("附件 %d 不存在".formatted(attachmentId)));
    }

    private DirectiveView.Recipient recipient(Caller caller, long id, String code) {
        return view(caller, id).recipients().stream()
                .filter(r -> r.regionCode().equals(code))
                .findFirst()
                .orElseThrow(() -> notFound(id));
    }

    /**
     * The recipient row the caller answers for: its own region, or a task group when the caller
     * commands at the issuing level. Anything else is refused (403).
     */
    private String recipientCode(Caller caller, long id, String regionCode) {
        caller.require(Permission.REGION_READ);
        var head = jdbc.sql("select issuer_path from command.directives where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> notFound(id));
        Map<String, String> rows = new HashMap<>();
        jdbc.sql("select region_code, path from command.directive_recipients where directive_id = ?")
                .param(id)
                .query(rs -> {
                    rows.put(rs.getString(1), rs.getString(2));
                });
        String code = regionCode == null || regionCode.isBlank() ? caller.jurisdictionCode() : regionCode.strip();
        if (code.startsWith(GROUP_PREFIX)) {
            if (!(caller.can(Permission.COMMAND_MODE) || caller.can(Permission.DUTY))
                    || !caller.jurisdictionPath().equals(head)) {
                throw new AccessRefused("工作组的指令由指挥部（%s）代为签收和报告".formatted(head));
            }
        } else {
            caller.require(Permission.DIRECTIVE_RESPOND);
            if (!code.equals(caller.jurisdictionCode())) {
                throw new AccessRefused("只有被下达单位本身可以签收或报告：%s 不是您的单位 %s".formatted(code, caller.jurisdictionCode()));
            }
        }
        if (!rows.containsKey(code)) {
            throw new AccessRefused("指令 %d 未下达给 %s".formatted(id, code));
        }
        return code;
    }

    private static CommandNotFound notFound(long id) {
        return new CommandNotFound("指令 %d 不存在或不在您的辖区".formatted(id));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
