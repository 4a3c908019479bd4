package org.pingji.access;

import static org.pingji.access.Permission.ADMINISTER;
import static org.pingji.access.Permission.ALARM_HANDLE;
import static org.pingji.access.Permission.COMPANION_FOLLOW_UP;
import static org.pingji.access.Permission.COMPANION_RUN;
import static org.pingji.access.Permission.DUTY;
import static org.pingji.access.Permission.HEALTH_CHECK;
import static org.pingji.access.Permission.INSPECT;
import static org.pingji.access.Permission.INSPECTION_MANAGE;
import static org.pingji.access.Permission.LAB_REPORT;
import static org.pingji.access.Permission.LEDGER_IMPORT;
import static org.pingji.access.Permission.LEDGER_READ;
import static org.pingji.access.Permission.NOTICE_APPROVE;
import static org.pingji.access.Permission.NOTICE_WRITE;
import static org.pingji.access.Permission.QUARANTINE_MANAGE;
import static org.pingji.access.Permission.REGION_READ;
import static org.pingji.access.Permission.SAMPLE;
import static org.pingji.access.Permission.SIGNAL_ANALYSE;
import static org.pingji.access.Permission.SIGNAL_RESPOND;
import static org.pingji.access.Permission.SUPPLY_APPROVE;
import static org.pingji.access.Permission.SUPPLY_MANAGE;
import static org.pingji.access.Permission.SUPPLY_REQUEST;
import static org.pingji.access.Permission.TRACE;
import static org.pingji.access.Permission.VISIT_MANAGE;
import static org.pingji.access.Permission.VISIT_RECORD;

import java.util.List;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The console's header and landing pages, derived from the caller's role and permissions: a
 * header never offers a page its reader would be refused, and each role lands on its own work.
 * Public for the layout only: pages that no controller's model fills (error pages) ask the bean
 * {@code @consoleNavigation} for the caller and the links.
 */
@ControllerAdvice
public class ConsoleNavigation {

    /** One header link: where it goes and the message key of its label. */
    public record NavLink(String href, String labelKey) {}

    private record Entry(NavLink link, Predicate<Caller> shown) {
        static Entry of(String href, String labelKey, Predicate<Caller> shown) {
            return new Entry(new NavLink(href, labelKey), shown);
        }

        static Entry of(String href, String labelKey, Permission permission) {
            return of(href, labelKey, c -> c.can(permission));
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            Entry.of("/my-code", "nav.myCode", c -> c.role() == Role.RESIDENT),
            Entry.of("/arrivals/report", "arrival.report", c -> c.role() == Role.RESIDENT),
            Entry.of("/warning/report", "nav.signalReport", c -> c.role() == Role.REPORTER),
            Entry.of("/testing/table", "nav.samplingDesk", SAMPLE),
            Entry.of("/testing/lab", "nav.lab", LAB_REPORT),
            Entry.of("/inspection/today", "nav.inspectionToday", c -> c.role() == Role.INSPECTOR),
            Entry.of("/command/duty", "nav.duty", DUTY),
            Entry.of("/warning/alarms", "nav.alarms", ALARM_HANDLE),
            Entry.of("/regions", "nav.grid", REGION_READ),
            Entry.of("/persons", "nav.persons", LEDGER_READ),
            Entry.of("/imports", "nav.import", LEDGER_IMPORT),
            Entry.of("/visits", "nav.visits", c -> c.can(VISIT_MANAGE) || c.can(VISIT_RECORD)),
            Entry.of("/testing", "nav.testing", REGION_READ),
            Entry.of("/companion", "nav.companion", COMPANION_RUN),
            Entry.of("/companion/follow-ups", "nav.companionFollowUps", COMPANION_FOLLOW_UP),
            Entry.of("/risk", "nav.risk", REGION_READ),
            Entry.of("/checkpoints", "nav.checkpoints", REGION_READ),
            Entry.of("/arrivals", "nav.arrivals", REGION_READ),
            Entry.of("/policy", "nav.policy", REGION_READ),
            Entry.of("/quarantine", "nav.quarantineLink", c -> c.can(QUARANTINE_MANAGE) || c.can(HEALTH_CHECK)),
            Entry.of("/tracing", "nav.tracingLink", TRACE),
            Entry.of("/warning/signals", "nav.signals", c -> c.can(SIGNAL_ANALYSE) || c.can(SIGNAL_RESPOND)),
            Entry.of("/inspection", "nav.inspection", c -> c.can(INSPECT) || c.can(INSPECTION_MANAGE)),
            Entry.of("/supply", "nav.supply", c -> c.can(SUPPLY_MANAGE) || c.can(SUPPLY_APPROVE)),
            Entry.of(
                    "/supply/request",
                    "nav.supplyRequest",
                    c -> c.can(SUPPLY_REQUEST) && !c.can(SUPPLY_MANAGE) && !c.can(SUPPLY_APPROVE)),
            Entry.of("/command", "nav.command", REGION_READ),
            Entry.of("/notices", "nav.noticesDesk", c -> c.can(NOTICE_WRITE) || c.can(NOTICE_APPROVE)),
            Entry.of("/audit", "nav.audit", ADMINISTER));

    /** The header links the caller may open, in the header's order (own desks first). */
    static List<NavLink> links(Caller caller) {
        return ENTRIES.stream()
                .filter(e -> e.shown().test(caller))
                .map(Entry::link)
                .toList();
    }

    /** Where a role's work starts: the page {@code /} sends it to after login. */
    static String landing(Caller caller) {
        return switch (caller.role()) {
            case ADMIN, COUNTY_COMMANDER -> "/command";
            case INSPECTOR -> "/inspection";
            case SUPPLIES_OFFICER -> "/supply";
            case TOWNSHIP_OFFICER, VILLAGE_OFFICER -> "/regions";
            case GRID_WORKER -> "/arrivals";
            case SAMPLER -> "/testing/table";
            case LAB -> "/testing/lab";
            case CHECKPOINT_STAFF -> "/checkpoints/desk";
            case EPIDEMIOLOGIST -> "/tracing";
            case QUARANTINE_MANAGER -> "/quarantine";
            case DUTY_OFFICER -> "/command/duty";
            case REPORTER -> "/warning/report";
            case RESIDENT -> "/my-code";
        };
    }

    /** The signed-in caller's header links (empty when nobody is signed in). */
    @ModelAttribute("navLinks")
    public List<NavLink> navLinks() {
        Caller caller = caller();
        return caller == null ? List.of() : links(caller);
    }

    /** The signed-in caller, or null. */
    public Caller caller() {
        try {
            return SecurityConfiguration.currentCaller();
        } catch (AccessRefused notSignedIn) {
            return null;
        }
    }
}
