package org.pingji.analytics;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Parses one line of a ping file {@code phone,timestamp,lat,lon}.
 *
 * <p>A header line (first column literally {@code phone}) is skipped, not counted. Fields may be wrapped in double
 * quotes. Timestamps: ISO-8601 with offset ({@code 2026-11-20T08:15:00+08:00}, {@code ...Z}), ISO local date-time
 * ({@code 2026-11-20T08:15:00} or {@code 2026-11-20 08:15:00}, read in Asia/Shanghai), or epoch seconds; fractions
 * of a second are dropped.
 */
public final class PingParser {

    /** China keeps one time zone; local timestamps are read in it. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private PingParser() {}

    /** A parsed line: either a ping ({@code reason == null}) or the reason it is bad. Header lines give null. */
    public record Parsed(String phone, long epochSecond, double lat, double lon, BadRowReason reason) {
        static Parsed bad(BadRowReason reason) {
            return new Parsed(null, 0, 0, 0, reason);
        }
    }

    /** Returns null for a header line. */
    public static Parsed parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 4) {
            return Parsed.bad(BadRowReason.WRONG_COLUMN_COUNT);
        }
        String phoneField = unquote(f[0]);
        if (phoneField.equalsIgnoreCase("phone")) {
            return null;
        }
        String phone = normalisePhone(phoneField);
        if (phone == null) {
            return Parsed.bad(BadRowReason.BAD_PHONE);
        }
        Long t = parseTime(unquote(f[1]));
        if (t == null) {
            return Parsed.bad(BadRowReason.BAD_TIMESTAMP);
        }
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(unquote(f[2]));
            lon = Double.parseDouble(unquote(f[3]));
        } catch (NumberFormatException e) {
            return Parsed.bad(BadRowReason.BAD_COORDINATE);
        }
        if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
            return Parsed.bad(BadRowReason.BAD_COORDINATE);
        }
        return new Parsed(phone, t, lat, lon, null);
    }

    /** True inside China's bounding box (a box, so a few neighbouring areas pass; good enough to catch swapped or zero coordinates). */
    public static boolean insideChina(double lat, double lon) {
        return lat >= 3.8 && lat <= 53.6 && lon >= 73.5 && lon <= 135.1;
    }

    /** 11 digits starting 13–19 after removing spaces, dashes and a +86 prefix; null when not a mobile number. */
    public static String normalisePhone(String raw) {
        String digits = raw.trim().replace(" ", "").replace("-", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        if (digits.length() != 11 || digits.charAt(0) != '1' || digits.charAt(1) < '3') {
            return null;
        }
        for (int i = 0; i < 11; i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        return digits;
    }

    static Long parseTime(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9') && s.length() <= 12) {
            return Long.parseLong(s);
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(iso).toEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).atZone(CHINA).toEpochSecond();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Classifies a parsed ping against the period {@code [from, to)} and the look-back start. */
    public static BadRowReason classify(Parsed p, long from, long to, long lookBackStart) {
        if (p.reason() != null) {
            return p.reason();
        }
        if (!insideChina(p.lat(), p.lon())) {
            return BadRowReason.OUTSIDE_CHINA;
        }
        if (p.epochSecond() < from || p.epochSecond() >= to) {
            return BadRowReason.OUTSIDE_PERIOD;
        }
        if (p.epochSecond() < lookBackStart) {
            return BadRowReason.BEFORE_LOOK_BACK;
        }
        return null;
    }

    static String instantText(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            return t.substring(1, t.length() - 1).trim();
        }
        return t;
    }
}
