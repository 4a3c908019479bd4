package org.pingji.warning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message from a device, parsed: a reading, or a problem (not JSON, no numeric value, a bad
 * time). The sensor is not looked up yet.
 *
 * @param value the reading's value, {@code null} for a problem
 * @param at the reading's own time ({@code at} of the payload, else the time it was received)
 */
record Incoming(String sensorCode, Double value, Instant at, Instant receivedAt, String problem, String payload) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    boolean isReading() {
        return problem == null;
    }

    /** Parses {@code {"value": 1.23, "at": "2026-12-06T10:00:00+08:00"}} ({@code at} optional). */
    static Incoming parse(String sensorCode, byte[] payload, Instant receivedAt) {
        String text = new String(payload, StandardCharsets.UTF_8);
        String shown = text.length() > 200 ? text.substring(0, 200) : text;
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            return new Incoming(sensorCode, null, null, receivedAt, "NOT_JSON", shown);
        }
        if (node == null || !node.isObject()) {
            return new Incoming(sensorCode, null, null, receivedAt, "NOT_JSON", shown);
        }
        JsonNode v = node.get("value");
        if (v == null || !v.isNumber()) {
            return new Incoming(sensorCode, null, null, receivedAt, "NO_VALUE", shown);
        }
        Instant at = receivedAt;
        JsonNode a = node.get("at");
        if (a != null && !a.isNull()) {
            try {
                at = OffsetDateTime.parse(a.asString()).toInstant();
            } catch (DateTimeParseException | UnsupportedOperationException e) {
                return new Incoming(sensorCode, null, null, receivedAt, "BAD_TIME", shown);
            }
        }
        return new Incoming(sensorCode, v.doubleValue(), at, receivedAt, null, shown);
    }
}
