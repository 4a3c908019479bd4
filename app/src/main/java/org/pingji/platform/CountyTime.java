package org.pingji.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times as the county reads them: every instant a page shows is converted to the county's zone
 * ({@code pingji.zone}, default {@code Asia/Shanghai}) before it is formatted, whatever zone the
 * server runs in. Instants are stored; only their display is local. Pages use it as
 * {@code #times.format(value, 'MM-dd HH:mm')} (see {@link TimeDialect}).
 */
@Component
public class CountyTime {

    private final ZoneId zone;
    private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

    public CountyTime(@Value("${pingji.zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    /** The county's zone. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The value in the county's zone with the pattern; {@code null} stays empty. Instants,
     * timestamps and zoned times are converted; local dates and times are taken as county time.
     */
    public String format(Object value, String pattern) {
        TemporalAccessor local = local(value);
        return local == null
                ? ""
                : formatters
                        .computeIfAbsent(pattern, DateTimeFormatter::ofPattern)
                        .format(local);
    }

    private TemporalAccessor local(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i.atZone(zone);
            case Timestamp t -> t.toInstant().atZone(zone);
            case ZonedDateTime z -> z.withZoneSameInstant(zone);
            case OffsetDateTime o -> o.atZoneSameInstant(zone);
            case LocalDateTime l -> l;
            case LocalDate d -> d;
            case TemporalAccessor t -> t;
            default -> throw new IllegalArgumentException("Not a time: %s (%s)".formatted(value, value.getClass()));
        };
    }
}
