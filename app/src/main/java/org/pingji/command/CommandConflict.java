package org.pingji.command;

import org.pingji.platform.Refusal;

/** A command request that contradicts the current state, such as a switch to the mode in force (HTTP 409). */
public class CommandConflict extends Refusal {
    public CommandConflict(String message) {
        super(Kind.CONFLICT, "command.conflict", message);
    }
}
