package org.pingji.command;

import java.time.Instant;
import java.util.List;

/** A plan activated by a mode switch, with each task group's tasks and their progress. */
public record ActivationView(
        long id,
        long planId,
        String planName,
        String scopeCode,
        Instant activatedAt,
        Instant endedAt,
        int tasks,
        int done,
        int overdue,
        List<GroupProgress> groups) {

    /** One group's tasks. */
    public record GroupProgress(long groupId, String name, int tasks, int done, int overdue, List<Task> items) {}

    /** One task with its deadline; overdue when not done by then. */
    public record Task(
            long id, String text, Instant deadline, Instant doneAt, String doneBy, String note, boolean overdue) {}
}
