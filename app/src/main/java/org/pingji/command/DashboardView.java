package org.pingji.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The one-map dashboard's figures for a region: mode, KPI tiles (an unavailable metric has a null
 * value), the current testing round, directives, daily-report completeness, plan tasks, open
 * alerts and the duty officer on duty.
 */
public record DashboardView(
        String regionCode,
        String regionName,
        String level,
        List<Crumb> breadcrumbs,
        Instant updatedAt,
        ModeView mode,
        List<Kpi> kpis,
        Round round,
        Directives directives,
        Reports reports,
        Tasks tasks,
        List<DutyViews.Alert> alerts,
        DutyViews.Shift duty) {

    /** A region above this one, for the drill-up path. */
    public record Crumb(String code, String name) {}

    /** A KPI tile; {@code available} false when no module provides the metric yet. */
    public record Kpi(String name, String label, String unit, Number value, boolean available) {}

    /** The testing round the coverage figures come from. */
    public record Round(long id, String name, Instant deadline) {}

    /** Directives in the jurisdiction: open ones, overdue recipients, the latest few. */
    public record Directives(int open, int overdueRecipients, List<DirectiveView> recent) {}

    /** Completeness of today's daily reports. */
    public record Reports(LocalDate date, int expected, int reported, List<Crumb> missing, List<Crumb> late) {}

    /** Tasks of the plans activated now. */
    public record Tasks(int total, int done, int overdue) {}
}
