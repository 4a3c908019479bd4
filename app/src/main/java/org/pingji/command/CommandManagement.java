package org.pingji.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.springframework.stereotype.Service;

/**
 * Facade of command. Every method takes the {@link Caller}: reads are scoped to the caller's
 * jurisdiction, writes check the role's permission; bad input throws {@link CommandRefused}
 * (400), a state conflict {@link CommandConflict} (409), a refusal by role or jurisdiction
 * {@link org.pingji.access.AccessRefused} (403).
 */
@Service
public class CommandManagement {

    private final ModeSwitches modes;
    private final Plans plans;
    private final Directives directives;
    private final DailyReports reports;
    private final Duty duty;
    private final Drills drills;
    private final Dashboard dashboard;

    CommandManagement(
            ModeSwitches modes,
            Plans plans,
            Directives directives,
            DailyReports reports,
            Duty duty,
            Drills drills,
            Dashboard dashboard) {
        this.modes = modes;
        this.plans = plans;
        this.directives = directives;
        this.reports = reports;
        this.duty = duty;
        this.drills = drills;
        this.dashboard = dashboard;
    }

    // ---- mode ---------------------------------------------------------------------------

    /** The mode of the county or a township (null: the caller's own scope). */
    public ModeView mode(Caller caller, String scopeCode) {
        return modes.view(caller, scopeCode);
    }

    /** The mode in force where the path lies (for the banner of every page). */
    public ModeView effectiveMode(String path) {
        return modes.effective(path);
    }

    /**
     * Asks to switch; in force at once, or pending until a second commander confirms. A switch to
     * the mode in force, or while another is pending, is a conflict.
     */
    public ModeView switchMode(Caller caller, Mode mode, String reason, String scopeCode) {
        return modes.request(caller, mode, reason, scopeCode);
    }

    /** The second co-leader confirms the pending switch; the requester may not confirm it. */
    public ModeView confirmMode(Caller caller, String scopeCode) {
        return modes.confirm(caller, scopeCode);
    }

    /** Withdraws a pending switch. */
    public ModeView cancelMode(Caller caller, String scopeCode) {
        return modes.cancel(caller, scopeCode);
    }

    // ---- plans --------------------------------------------------------------------------

    public List<PlanView> plans(Caller caller) {
        return plans.plans(caller);
    }

    /** Plans activated by switches, with task progress per group. */
    public List<ActivationView> activations(Caller caller, boolean currentOnly) {
        return plans.activations(caller, currentOnly);
    }

    /** Marks an activated task done. */
    public void completeTask(Caller caller, long taskId, String note) {
        plans.completeTask(caller, taskId, note);
    }

    // ---- directives ---------------------------------------------------------------------

    /** Issues a directive; returns its id. */
    public long issueDirective(Caller caller, NewDirective directive) {
        return directives.issue(caller, directive);
    }

    public DirectiveView directive(Caller caller, long id) {
        return directives.view(caller, id);
    }

    public List<DirectiveView> directives(Caller caller, int limit) {
        return directives.list(caller, limit);
    }

    /** 签收 for the caller's own region (or a task group, by the command). */
    public DirectiveView.Recipient acknowledge(Caller caller, long id, String regionCode) {
        return directives.acknowledge(caller, id, regionCode);
    }

    /** Completion report with text; see also the console for attachments. */
    public DirectiveView.Recipient complete(Caller caller, long id, String regionCode, String text) {
        return directives.complete(caller, id, regionCode, text, List.of());
    }

    // ---- daily reports ------------------------------------------------------------------

    public List<ReportField> reportFields() {
        return reports.fields();
    }

    /** Saves a region's report of a day (not in the future, inside the jurisdiction, every field valid). */
    public ReportSummary.Row fillReport(Caller caller, LocalDate date, String regionCode, Map<String, Object> fields) {
        return reports.fill(caller, date, regionCode, fields);
    }

    /** Totals, missing and late children of a region for a day. */
    public ReportSummary reports(Caller caller, LocalDate date, String regionCode) {
        return reports.summary(caller, date, regionCode);
    }

    /** Today's date in the county's calendar. */
    public LocalDate today() {
        return reports.today();
    }

    // ---- duty, drills, alerts -----------------------------------------------------------

    /** Adds a shift of a unit: its duty officer and leader on duty (领导带班), as usernames; its id. */
    public long addShift(
            Caller caller,
            String unitCode,
            Instant startsAt,
            Instant endsAt,
            String officer,
            String leader,
            String phone) {
        return duty.addShift(caller, new Duty.NewShift(unitCode, startsAt, endsAt, officer, leader, phone));
    }

    public List<DutyViews.Shift> shifts(Caller caller, Instant from, Instant to) {
        return duty.shifts(caller, from, to);
    }

    public List<DutyViews.Alert> alerts(Caller caller, boolean openOnly) {
        return duty.alerts(caller, openOnly, 100);
    }

    public List<DrillView> drills(Caller caller) {
        return drills.list(caller);
    }

    // ---- dashboard ----------------------------------------------------------------------

    public DashboardView dashboard(Caller caller, String regionCode) {
        return dashboard.dashboard(caller, regionCode);
    }

    /** GeoJSON of the region's children coloured by the metric. */
    public MapView map(Caller caller, String regionCode, String metric) {
        return dashboard.map(caller, regionCode, metric);
    }
}
