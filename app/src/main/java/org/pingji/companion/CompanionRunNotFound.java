package org.pingji.companion;

/** No run or follow-up with that id in the caller's jurisdiction. */
public class CompanionRunNotFound extends RuntimeException {
    public CompanionRunNotFound(String what, long id) {
        super("%s %d 不存在".formatted(what, id));
    }
}
