package org.pingji.command;

import java.time.Instant;

/**
 * The mode in force for a scope (county or township) and a switch awaiting confirmation, if any.
 *
 * @param since when the mode in force took effect (null: NORMAL since the platform started)
 * @param pendingMode the mode a switch awaiting the second co-leader's confirmation asks for
 */
public record ModeView(
        String scopeCode,
        String scopeName,
        Mode mode,
        Instant since,
        String switchedBy,
        String confirmedBy,
        String reason,
        Mode pendingMode,
        String pendingRequestedBy,
        Instant pendingRequestedAt,
        String pendingReason) {

    public boolean pendingConfirmation() {
        return pendingMode != null;
    }

    public boolean emergency() {
        return mode == Mode.EMERGENCY;
    }
}
