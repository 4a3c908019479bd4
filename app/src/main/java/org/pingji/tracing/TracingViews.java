package org.pingji.tracing;

import java.time.Instant;
import java.util.List;

/** The answers of the tracing facade. */
public final class TracingViews {

    private TracingViews() {}

    /** A case with its investigation milestones. */
    public record CaseView(
            long id,
            long personId,
            String personName,
            String classification,
            Instant onsetAt,
            Instant confirmedAt,
            String source,
            long clusterId,
            Long infectedBy,
            List<Milestone> milestones,
            int contacts) {

        public boolean overdue() {
            return milestones.stream().anyMatch(Milestone::overdue);
        }
    }

    /**
     * One deadline of the investigation: initial report, trajectory, preliminary report.
     *
     * @param minutesLeft minutes until the deadline (negative when past), null once done
     */
    public record Milestone(
            String name, String label, Instant due, Instant doneAt, boolean overdue, Long minutesLeft) {}

    /** A place the case stayed at. */
    public record ItineraryEntry(long id, long placeId, String placeName, String placeCode, Instant from, Instant to) {}

    /** A listed contact and the placement its listing created. */
    public record ContactView(
            long id,
            long caseId,
            long personId,
            String personName,
            String kind,
            Instant exposedAt,
            String setting,
            String source,
            Long placementId,
            Instant clearedAt) {}

    /** The answer to listing a contact. */
    public record Listed(long id, Long placementId, String placementKind, Instant plannedEnd, String room) {}

    /**
     * A person checked in at a place of the case's itinerary within the window: a candidate
     * contact, with the review decision if one was made and whether they are already listed.
     */
    public record Candidate(
            long personId,
            String personName,
            List<String> places,
            Instant firstAt,
            Instant lastAt,
            int checkins,
            String decision,
            boolean listed) {}

    /** A node of a transmission chain: a case, or a contact who is not (yet) a case. */
    public record Node(String id, long personId, String name, String type, String detail, int depth) {}

    /** A directed edge of a transmission chain, from a case to a contact or a case it infected. */
    public record Edge(String from, String to, String kind) {}

    /** The transmission chain of a cluster. */
    public record Chain(long clusterId, List<Node> nodes, List<Edge> edges) {}
}
