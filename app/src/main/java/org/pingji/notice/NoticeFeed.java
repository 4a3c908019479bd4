package org.pingji.notice;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.pingji.platform.PageFeed;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to the open console pages of the staff a notice is addressed to: after a
 * notice is published, updated, cancelled or cleared (after its commit) each open page of a
 * recipient gets an event {@code notice} with the notice's id and refreshes its badge and list.
 */
@Component
class NoticeFeed {

    /** Pages by the id of their signed-in user. */
    private final PageFeed<Long> pages = new PageFeed<>();

    SseEmitter open(long userId) {
        return pages.open(userId);
    }

    /** Sends the notice's id to every open page of the users. */
    void push(Collection<Long> userIds, long noticeId) {
        if (userIds.isEmpty() || pages.listening() == 0) {
            return;
        }
        Set<Long> users = Set.copyOf(userIds);
        Optional<String> id = Optional.of(Long.toString(noticeId));
        pages.send("notice", user -> users.contains(user) ? id : Optional.empty());
    }

    int listening() {
        return pages.listening();
    }
}
