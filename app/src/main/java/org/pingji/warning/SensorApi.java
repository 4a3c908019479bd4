package org.pingji.warning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of sensors, readings and alarms (the MQTT topic {@code pingji/sensors/{code}} is the other way in). */
@RestController
@RequestMapping("/api/warning")
@Tag(name = "Warning: sensors and alarms", description = "Sensor registry, readings, alarms to the duty officer")
class SensorApi {

    private final SensorDesk desk;
    private final Clock clock;

    SensorApi(SensorDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @PostMapping("/sensors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a sensor (or change one): thresholds default to its kind's")
    Sensor register(Caller caller, @RequestBody Sensors.NewSensor r) {
        return desk.register(caller, r);
    }

    @GetMapping("/sensors")
    @Operation(summary = "Sensors of the jurisdiction")
    List<Sensor> sensors(Caller caller) {
        return desk.sensors(caller);
    }

    @GetMapping("/sensors/{code}/readings")
    @Operation(summary = "Readings of a sensor since from (default: the last hour), oldest first")
    List<ReadingStore.Point> readings(
            Caller caller,
            @PathVariable String code,
            @RequestParam(required = false) Instant from,
            @RequestParam(defaultValue = "1000") int limit) {
        return desk.readings(caller, code, from == null ? Instant.now(clock).minus(Duration.ofHours(1)) : from, limit);
    }

    record ReadingRequest(String sensorCode, Double value, OffsetDateTime at) {}

    @PostMapping("/readings")
    @Operation(summary = "A reading from a device without MQTT; answered after it is stored")
    Map<String, Object> reading(Caller caller, @RequestBody ReadingRequest r) {
        var outcome = desk.post(caller, r.sensorCode(), r.value(), r.at() == null ? null : r.at().toInstant());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sensorCode", r.sensorCode());
        m.put("outcome", outcome.name());
        return m;
    }

    /** An alarm as the API contract names its fields. */
    record AlarmJson(
            long id,
            String sensorCode,
            String kind,
            String level,
            Double value,
            Instant raisedAt,
            String assignee,
            String state,
            String site,
            int escalation,
            String escalatedTo) {
        static AlarmJson of(Alarms.AlarmView a) {
            return new AlarmJson(
                    a.id(),
                    a.sensorCode(),
                    a.kind(),
                    a.level(),
                    a.value(),
                    a.raisedAt(),
                    a.assignee(),
                    a.state(),
                    a.site(),
                    a.escalation(),
                    a.escalatedTo());
        }
    }

    @GetMapping("/alarms")
    @Operation(
            summary = "Alarms of the jurisdiction, newest first; state OPEN, ACKNOWLEDGED, CLEARED, DISPOSED or ACTIVE")
    List<AlarmJson> alarms(
            Caller caller,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "200") int limit) {
        return desk.alarms(caller, state, limit).stream().map(AlarmJson::of).toList();
    }

    @GetMapping("/alarms/{id}")
    @Operation(summary = "An alarm with its record (raised, level up, acknowledged, escalated, cleared, disposed)")
    Map<String, Object> alarm(Caller caller, @PathVariable long id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alarm", desk.alarm(caller, id));
        m.put("events", desk.events(caller, id));
        return m;
    }

    @PostMapping("/alarms/{id}/ack")
    @Operation(summary = "Acknowledge an alarm (stops its escalation)")
    AlarmJson acknowledge(Caller caller, @PathVariable long id) {
        return AlarmJson.of(desk.acknowledge(caller, id));
    }

    record DisposalRequest(String note) {}

    @PostMapping("/alarms/{id}/dispose")
    @Operation(summary = "Record what was done and close the alarm")
    AlarmJson dispose(Caller caller, @PathVariable long id, @RequestBody DisposalRequest r) {
        return AlarmJson.of(desk.dispose(caller, id, r == null ? null : r.note()));
    }

    @GetMapping("/intake-problems")
    @Operation(summary = "Messages that did not become readings (not JSON, no value, unknown sensor), counted")
    List<Map<String, Object>> problems(Caller caller) {
        return desk.problems(caller);
    }
}
