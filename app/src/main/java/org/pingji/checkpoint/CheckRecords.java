package org.pingji.checkpoint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pingji.access.Caller;
import org.pingji.checkpoint.Checkpoints.CheckRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A check's rows: the vehicle, its travellers in one batched insert, transfers, the stored answer. */
@Component
class CheckRecords {

    /** A check already recorded under a check id: its fingerprint and answer. */
    record Recorded(String hash, String response) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CheckRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Recorded> find(String checkId) {
        return jdbc.sql("select request_hash, response from checkpoint.checks where check_id = ?")
                .param(checkId)
                .query((rs, n) -> new Recorded(rs.getString(1), rs.getString(2)))
                .optional();
    }

    CheckResult answer(Recorded recorded) {
        return json.readValue(recorded.response(), CheckResult.class);
    }

    /** Records the vehicle and its travellers; opens a transfer per TRANSFER traveller and returns their ids. */
    List<Long> record(
            Caller caller,
            long checkpointId,
            String path,
            CheckRequest r,
            int passengers,
            Decision vehicle,
            String edition,
            String hash,
            List<CheckResult.Traveller> travellers,
            Instant now) {
        jdbc.sql(
                        """
                        insert into checkpoint.checks (check_id, checkpoint_id, path, staff, at, plate, self_drive,
                               passengers, origin, decision, policy_edition, request_hash, response)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')""")
                .params(
                        r.checkId(),
                        checkpointId,
                        path,
                        caller.username(),
                        Timestamp.from(now),
                        r.plate() == null ? "" : r.plate().strip().toUpperCase(),
                        r.selfDrive(),
                        passengers,
                        r.origin() == null ? "" : r.origin().strip(),
                        vehicle.name(),
                        edition,
                        hash)
                .update();
        jdbc.sql(
                        """
                        insert into checkpoint.check_persons (check_id, position, person_id, status, decision, reasons)
                        select ?, * from unnest(?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[])""")
                .params(
                        r.checkId(),
                        travellers.stream().map(CheckResult.Traveller::position).toArray(Integer[]::new),
                        travellers.stream().map(CheckResult.Traveller::personId).toArray(Long[]::new),
                        travellers.stream().map(CheckResult.Traveller::status).toArray(String[]::new),
                        travellers.stream().map(t -> t.decision().name()).toArray(String[]::new),
                        travellers.stream()
                                .map(t -> String.join(
                                        ",",
                                        t.reasons().stream()
                                                .map(CheckResult.Reason::code)
                                                .toList()))
                                .toArray(String[]::new))
                .update();
        List<Long> transferIds = new ArrayList<>();
        for (CheckResult.Traveller t : travellers) {
            if (t.decision() == Decision.TRANSFER) {
                transferIds.add(jdbc.sql(
                                """
                                insert into checkpoint.transfers (check_id, person_id, checkpoint_id, path, opened_at, opened_by)
                                values (?, ?, ?, ?, ?, ?) returning id""")
                        .params(r.checkId(), t.personId(), checkpointId, path, Timestamp.from(now), caller.username())
                        .query(Long.class)
                        .single());
            }
        }
        return transferIds;
    }

    /** Stores the answer a replay of the check id gets. */
    void answer(String checkId, CheckResult result) {
        jdbc.sql("update checkpoint.checks set response = ? where check_id = ?")
                .params(json.writeValueAsString(result), checkId)
                .update();
    }
}
