package org.pingji.companion;

/** A follow-up step that does not fit the follow-up's state (for example clearing before two negative tests). */
public class FollowUpRefused extends RuntimeException {
    public FollowUpRefused(String message) {
        super(message);
    }
}
