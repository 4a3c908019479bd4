package org.pingji.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The day's reports for a region: totals of the integer fields (the region's own report, else the
 * sum over its children, each child likewise), which children have not reported ({@code missing})
 * and which reported after the deadline ({@code late}), and one row per child.
 */
public record ReportSummary(
        LocalDate date,
        String regionCode,
        String regionName,
        String level,
        Instant deadline,
        List<ReportField> fields,
        Map<String, Long> totals,
        int expected,
        int reported,
        List<String> missing,
        List<String> late,
        Row own,
        List<Row> children) {

    /**
     * One region's figures: its own report or the roll-up of reports below it.
     *
     * @param reports how many reports contribute (1 for an own report)
     */
    public record Row(
            String code,
            String name,
            boolean reported,
            boolean late,
            boolean own,
            int reports,
            String submittedBy,
            Instant submittedAt,
            Map<String, Long> totals,
            Map<String, String> texts) {}
}
