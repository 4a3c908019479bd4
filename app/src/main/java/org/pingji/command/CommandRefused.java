package org.pingji.command;

/** A command request with bad input the user can correct (HTTP 400). */
public class CommandRefused extends RuntimeException {
    public CommandRefused(String message) {
        super(message);
    }
}
