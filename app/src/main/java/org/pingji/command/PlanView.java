package org.pingji.command;

import java.time.Instant;
import java.util.List;

/** An emergency plan (应急预案) with its task groups, their members, duties, contacts and first actions. */
public record PlanView(
        long id,
        String name,
        Mode triggerMode,
        String description,
        String updatedBy,
        Instant updatedAt,
        List<Group> groups) {

    /** A task group (专项工作组). */
    public record Group(
            long id,
            int position,
            String name,
            String duties,
            String leader,
            String contact,
            String members,
            List<Action> actions) {}

    /** A first action: on activation it becomes a task due {@code dueHours} later. */
    public record Action(String text, int dueHours) {}
}
