package org.pingji.warning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the daily series of a signal for a region from {@code warning.counts}: the sum over the
 * region's subtree ({@code path like '<path>%'}) per day, days without a count as 0, checked
 * against the caller's permission ({@code SIGNAL_ANALYSE}) and jurisdiction. History begins at the
 * first recorded count of the signal in the subtree: earlier days are not zeros but days without
 * history (no bound, no alarm), so that a region that began reporting last month is not compared
 * with three "years" of zeros.
 */
@Component
class SignalSeries {

    /** The longest range one request may ask for. */
    static final int MAX_YEARS = 3;

    private final JdbcClient jdbc;
    private final GridManagement grid;

    SignalSeries(JdbcClient jdbc, GridManagement grid) {
        this.jdbc = jdbc;
        this.grid = grid;
    }

    /**
     * The series from {@code from - historyDays} to {@code to}; refuses an unknown signal (404), a
     * region outside the jurisdiction (404), {@code from > to} or more than 3 years (400).
     */
    DailySeries load(Caller caller, String signal, String regionCode, LocalDate from, LocalDate to, int historyDays) {
        caller.require(Permission.SIGNAL_ANALYSE);
        checkRange(from, to);
        Region region = grid.region(caller, regionCode);
        boolean known = jdbc.sql("select exists (select 1 from warning.signals where name = ?)")
                .param(signal)
                .query(Boolean.class)
                .single();
        if (!known) {
            throw new SignalNotFound(signal);
        }
        String subtree = region.path() + "%";
        LocalDate first = jdbc.sql("select min(day) from warning.counts where signal = ? and path like ?")
                .param(signal)
                .param(subtree)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list()
                .getFirst();
        LocalDate earliest = from.minusDays(historyDays);
        LocalDate start;
        if (first == null || first.isAfter(to)) {
            start = to.plusDays(1);
        } else {
            start = first.isAfter(earliest) ? first : earliest;
        }
        long[] counts = new long[(int) ChronoUnit.DAYS.between(start, to) + 1];
        jdbc.sql(
                        """
                        select day, sum(count) as total from warning.counts
                        where signal = ? and path like ? and day between ? and ?
                        group by day""")
                .param(signal)
                .param(subtree)
                .param(start)
                .param(to)
                .query((rs, n) -> {
                    counts[(int) ChronoUnit.DAYS.between(start, rs.getObject("day", LocalDate.class))] =
                            rs.getLong("total");
                    return null;
                })
                .list();
        return new DailySeries(start, counts);
    }

    /** A signal of the catalogue, for pickers. */
    record Signal(String name, String label) {}

    /** The signal catalogue, by category and label. */
    List<Signal> catalogue() {
        return jdbc.sql("select name, label from warning.signals order by category, label")
                .query(Signal.class)
                .list();
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw DetectionRefused.range("须给出开始日期 from 与结束日期 to");
        }
        if (from.isAfter(to)) {
            throw DetectionRefused.range("开始日期 " + from + " 晚于结束日期 " + to);
        }
        if (to.isAfter(from.plusYears(MAX_YEARS))) {
            throw DetectionRefused.range("日期范围 " + from + " 至 " + to + " 超过 " + MAX_YEARS + " 年");
        }
    }
}
