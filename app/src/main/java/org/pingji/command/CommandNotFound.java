package org.pingji.command;

/** No directive, plan, task or shift with the id is visible to the caller (HTTP 404). */
public class CommandNotFound extends RuntimeException {
    public CommandNotFound(String message) {
        super(message);
    }
}
