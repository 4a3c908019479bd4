package org.pingji.command;

import org.pingji.platform.Refusal;

/** No directive, plan, task or shift with the id is visible to the caller (HTTP 404). */
public class CommandNotFound extends Refusal {
    public CommandNotFound(String message) {
        super(Kind.NOT_FOUND, "command.not_found", message);
    }
}
