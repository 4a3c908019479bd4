package org.pingji.command;

import org.pingji.platform.Refusal;

/** A command request with bad input the user can correct (HTTP 400). */
public class CommandRefused extends Refusal {
    public CommandRefused(String message) {
        super(Kind.INVALID, "command.invalid", message);
    }
}
