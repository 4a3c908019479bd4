package org.pingji.command;

import java.time.Instant;

/** Read models of duty (值班值守): shifts, the duty log and alerts. */
public final class DutyViews {

    private DutyViews() {}

    /** A shift of a unit's duty officer with the leader on duty (领导带班); {@code current} while it runs. */
    public record Shift(
            long id,
            String unitCode,
            Instant startsAt,
            Instant endsAt,
            String officer,
            String leader,
            String phone,
            String handoverNote,
            Instant handedOverAt,
            boolean current) {}

    /** An entry of the duty log. */
    public record LogEntry(long id, String unitCode, Instant at, String author, String kind, String text) {}

    /** An alert raised for the command and sent to the duty officer on duty at the time ({@code target}). */
    public record Alert(
            long id,
            String kind,
            String regionCode,
            String message,
            Instant raisedAt,
            String target,
            Instant handledAt,
            String handledBy) {}
}
