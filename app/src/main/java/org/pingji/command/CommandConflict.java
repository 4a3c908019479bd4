package org.pingji.command;

/** A command request that contradicts the current state, such as a switch to the mode in force (HTTP 409). */
public class CommandConflict extends RuntimeException {
    public CommandConflict(String message) {
        super(message);
    }
}
