package org.pingji.analytics;

import java.util.Map;

/**
 * The result file the job writes: {@code {"usedRows":n,"badRows":{"REASON":n},"companions":[{"phone",
 * "cell","casePhone","overlapSeconds","firstSeen","lastSeen"}]}} with ISO-8601 instants. Every string in it is
 * a phone, a cell label or a reason name, so no escaping is needed.
 */
public final class ResultJson {

    private ResultJson() {}

    public static String write(CompanionResult r) {
        StringBuilder s = new StringBuilder(256 + r.companions().size() * 160);
        s.append("{\"usedRows\":").append(r.usedRows()).append(",\"badRows\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : r.badRows().entrySet()) {
            s.append(first ? "" : ",")
                    .append('"')
                    .append(e.getKey())
                    .append("\":")
                    .append(e.getValue());
            first = false;
        }
        s.append("},\"companions\":[");
        first = true;
        for (Companion c : r.companions()) {
            s.append(first ? "" : ",")
                    .append("{\"phone\":\"")
                    .append(c.phone())
                    .append("\",\"cell\":\"")
                    .append(c.cell())
                    .append("\",\"casePhone\":\"")
                    .append(c.casePhone())
                    .append("\",\"overlapSeconds\":")
                    .append(c.overlapSeconds())
                    .append(",\"firstSeen\":\"")
                    .append(PingParser.instantText(c.firstSeen()))
                    .append("\",\"lastSeen\":\"")
                    .append(PingParser.instantText(c.lastSeen()))
                    .append("\"}");
            first = false;
        }
        return s.append("]}\n").toString();
    }
}
