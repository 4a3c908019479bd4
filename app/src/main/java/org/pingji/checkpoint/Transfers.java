package org.pingji.checkpoint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Point-to-point transfers (点对点转运): opened by a TRANSFER decision, given a destination, a
 * vehicle and an escort, then closed by two handover receipts — at the checkpoint when the
 * traveller leaves with the escort, and at the destination when they are received.
 */
@Service
public class Transfers {

    /** A transfer with both receipts. */
    public record TransferView(
            long id,
            String checkId,
            Long personId,
            long checkpointId,
            String destinationKind,
            Long destinationId,
            String destination,
            String vehicle,
            String escort,
            Instant openedAt,
            String openedBy,
            Receipt departure,
            Receipt arrival,
            String state) {}

    /** A handover receipt: when, who handed over or received the traveller, which staff signed. */
    public record Receipt(Instant at, String counterpart, String staff) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GridManagement grid;
    private final AccessManagement access;

    Transfers(JdbcClient jdbc, Clock clock, GridManagement grid, AccessManagement access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.grid = grid;
        this.access = access;
    }

    /** Transfers in the caller's jurisdiction, open ones first (or only open ones). */
    public List<TransferView> transfers(Caller caller, boolean openOnly) {
        caller.require(Permission.REGION_READ);
        return jdbc
                .sql(
                        """
                        select id from checkpoint.transfers where path like ? and (not ? or state <> 'CLOSED')
                         order by case state when 'CLOSED' then 1 else 0 end, opened_at desc limit 500""")
                .params(caller.pathPattern(), openOnly)
                .query(Long.class)
                .list()
                .stream()
                .map(this::view)
                .toList();
    }

    public TransferView transfer(Caller caller, long id) {
        TransferView t = view(id);
        String path = jdbc.sql("select path from checkpoint.transfers where id = ?")
                .param(id)
                .query(String.class)
                .single();
        if (!caller.covers(path) && !caller.can(Permission.TRANSFER_HANDLE)) {
            throw new Checkpoints.NotFound("没有编号为 %d 的转运".formatted(id));
        }
        return t;
    }

    /** Sets where the traveller goes, by which vehicle, with which escort (before departure). */
    @Transactional
    public TransferView assign(
            Caller caller,
            long id,
            String kind,
            Long destinationId,
            String destination,
            String vehicle,
            String escort) {
        caller.require(Permission.TRANSFER_HANDLE);
        TransferView t = transfer(caller, id);
        if (!t.state().equals("OPEN")) {
            throw new CheckRefused("转运 %d 已出发，不能再改派".formatted(id));
        }
        if (!"QUARANTINE_SITE".equals(kind) && !"HOME".equals(kind)) {
            throw new IllegalArgumentException("destinationKind: 须为 QUARANTINE_SITE 或 HOME");
        }
        String name = destination == null ? "" : destination.strip();
        if ("QUARANTINE_SITE".equals(kind)) {
            if (destinationId == null) {
                throw new IllegalArgumentException("destinationId: 转运至隔离点须指定隔离点");
            }
            var site = grid.place(destinationId)
                    .filter(p -> p.kind() == PlaceKind.QUARANTINE_SITE)
                    .orElseThrow(
                            () -> new IllegalArgumentException("destinationId: %d 不是隔离点".formatted(destinationId)));
            name = site.name();
        } else if (name.isEmpty()) {
            throw new IllegalArgumentException("destination: 转运回家须填写住址");
        }
        if (vehicle == null || vehicle.isBlank() || escort == null || escort.isBlank()) {
            throw new IllegalArgumentException("vehicle, escort: 须填写转运车辆和随车人员");
        }
        jdbc.sql(
                        """
                        update checkpoint.transfers set destination_kind = ?, destination_id = ?, destination = ?,
                               vehicle = ?, escort = ? where id = ?""")
                .params(kind, destinationId, name, vehicle.strip(), escort.strip(), id)
                .update();
        access.audit(caller, "transfer.assign", "transfer", String.valueOf(id), name + " / " + vehicle.strip());
        return view(id);
    }

    /** Signs a handover receipt at one end: ORIGIN (leaves the checkpoint) or DESTINATION (received). */
    @Transactional
    public TransferView receipt(Caller caller, long id, String end, String counterpart) {
        caller.require(Permission.TRANSFER_HANDLE);
        TransferView t = transfer(caller, id);
        if (counterpart == null || counterpart.isBlank()) {
            throw new IllegalArgumentException("counterpart: 须填写交接对方（随车人员或接收人）");
        }
        Instant now = clock.instant();
        if ("ORIGIN".equals(end)) {
            if (!t.state().equals("OPEN")) {
                throw new CheckRefused("转运 %d 已出发".formatted(id));
            }
            if (t.vehicle().isEmpty() || t.destination().isEmpty()) {
                throw new CheckRefused("转运 %d 尚未指定去向、车辆和随车人员".formatted(id));
            }
            jdbc.sql(
                            """
                            update checkpoint.transfers set departed_at = ?, departed_person = ?, departed_staff = ?,
                                   state = 'IN_TRANSIT' where id = ?""")
                    .params(Timestamp.from(now), counterpart.strip(), caller.username(), id)
                    .update();
        } else if ("DESTINATION".equals(end)) {
            if (t.state().equals("OPEN")) {
                throw new CheckRefused("转运 %d 尚未在卡口交接出发".formatted(id));
            }
            if (t.state().equals("CLOSED")) {
                throw new CheckRefused("转运 %d 已完成交接".formatted(id));
            }
            jdbc.sql(
                            """
                            update checkpoint.transfers set received_at = ?, received_person = ?, received_staff = ?,
                                   state = 'CLOSED' where id = ?""")
                    .params(Timestamp.from(now), counterpart.strip(), caller.username(), id)
                    .update();
        } else {
            throw new IllegalArgumentException("end: 须为 ORIGIN 或 DESTINATION");
        }
        access.audit(caller, "transfer.receipt", "transfer", String.valueOf(id), end + " " + counterpart.strip());
        return view(id);
    }

    private TransferView view(long id) {
        return jdbc.sql(
                        """
                        select id, check_id, person_id, checkpoint_id, destination_kind, destination_id, destination,
                               vehicle, escort, opened_at, opened_by, departed_at, departed_person, departed_staff,
                               received_at, received_person, received_staff, state
                          from checkpoint.transfers where id = ?""")
                .param(id)
                .query((rs, n) -> new TransferView(
                        rs.getLong(1),
                        rs.getString(2),
                        (Long) rs.getObject(3),
                        rs.getLong(4),
                        rs.getString(5),
                        (Long) rs.getObject(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant(),
                        rs.getString(11),
                        rs.getTimestamp(12) == null
                                ? null
                                : new Receipt(rs.getTimestamp(12).toInstant(), rs.getString(13), rs.getString(14)),
                        rs.getTimestamp(15) == null
                                ? null
                                : new Receipt(rs.getTimestamp(15).toInstant(), rs.getString(16), rs.getString(17)),
                        rs.getString(18)))
                .optional()
                .orElseThrow(() -> new Checkpoints.NotFound("没有编号为 %d 的转运".formatted(id)));
    }
}
