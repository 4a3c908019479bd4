package org.pingji.companion;

import org.pingji.platform.Refusal;

/** No run or follow-up with that id in the caller's jurisdiction. */
public class CompanionRunNotFound extends Refusal {
    public CompanionRunNotFound(String what, long id) {
        super(Kind.NOT_FOUND, "companion.not_found", "%s %d 不存在".formatted(what, id));
    }
}
