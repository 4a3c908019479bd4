package org.pingji.companion;

import org.pingji.platform.Refusal;

/** A follow-up step that does not fit the follow-up's state (for example clearing before two negative tests). */
public class FollowUpRefused extends Refusal {
    public FollowUpRefused(String message) {
        super(Kind.CONFLICT, "companion.refused", message);
    }
}
