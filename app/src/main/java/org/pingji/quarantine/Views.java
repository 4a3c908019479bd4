package org.pingji.quarantine;

import java.time.Instant;
import java.util.List;

/** The answers of the quarantine facade. */
public final class Views {

    private Views() {}

    /** A central site with its capacity (rooms), current occupancy and staff. */
    public record SiteView(long id, String name, String microGridCode, int capacity, int occupied, List<Staff> staff) {
        public int free() {
            return capacity - occupied;
        }
    }

    /** A member of a site's staff. */
    public record Staff(long id, String name, String duty) {}

    /** A room and who is in it now. */
    public record RoomView(long id, String number, Long placementId, String personName) {}

    /** The answer to a placement: its id, planned end and room number (null at home). */
    public record Placed(long id, Instant plannedEnd, String room, boolean created) {}

    /** A placement with its criteria, tests, checks and alerts. */
    public record PlacementView(
            long id,
            long personId,
            String personName,
            String kind,
            String exposure,
            Long siteId,
            String siteName,
            String room,
            Instant start,
            Instant plannedEnd,
            List<Integer> testDays,
            int monitoringDays,
            String edition,
            String status,
            Instant releasedAt,
            String releaseNote,
            String overrideReason,
            String overrideBy,
            String approvedBy,
            Instant referredAt,
            String selfReportToken) {}

    /** A placement as listed. */
    public record PlacementRow(
            long id,
            long personId,
            String personName,
            String kind,
            String siteName,
            String room,
            Instant start,
            Instant plannedEnd,
            String status,
            int checksToday,
            int openAlerts) {}

    /** A recorded test on a day of the placement (day 1 = the day it started). */
    public record TestView(int day, String result, Instant sampledAt) {}

    /** A recorded temperature and symptom check. */
    public record CheckView(Instant at, double temperature, List<String> symptoms, boolean abnormal, String source) {}

    /**
     * The answer to a check: accepted, and whether it raised an alert (fever or a listed symptom:
     * a referral to {@code referral}).
     */
    public record CheckResult(boolean accepted, boolean alert, String referral, String message) {}

    /** An alert for the grid worker, the township or the site. */
    public record AlertView(
            long id,
            long placementId,
            long personId,
            String personName,
            String kind,
            String level,
            String detail,
            Instant raisedAt,
            String acknowledgedBy) {}

    /** Whether a placement may be released now, and every unmet criterion. */
    public record ReleaseCheck(boolean met, List<String> unmet) {}
}
