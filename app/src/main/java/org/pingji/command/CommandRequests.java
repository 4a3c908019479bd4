package org.pingji.command;

/** Request bodies shared by several of command's API controllers. */
final class CommandRequests {

    private CommandRequests() {}

    /** The region a mode or directive action applies to (the caller's own when null). */
    record ScopeRequest(String regionCode) {}

    /** A free-text note (task done, handover). */
    record NoteRequest(String note) {}
}
