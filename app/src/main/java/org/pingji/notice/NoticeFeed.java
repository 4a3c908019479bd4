package org.pingji.notice;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to the open console pages of the staff a notice is addressed to: after a
 * notice is published, updated, cancelled or cleared (after its commit) each open page of a
 * recipient gets an event {@code notice} with the notice's id and refreshes its badge and list.
 */
@Component
class NoticeFeed {

    private record Listener(long userId, SseEmitter emitter) {}

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    SseEmitter open(long userId) {
        SseEmitter emitter = new SseEmitter(0L);
        Listener l = new Listener(userId, emitter);
        listeners.add(l);
        emitter.onCompletion(() -> listeners.remove(l));
        emitter.onTimeout(() -> listeners.remove(l));
        emitter.onError(e -> listeners.remove(l));
        try {
            emitter.send(SseEmitter.event().name("hello").data("ok"));
        } catch (IOException | IllegalStateException e) {
            listeners.remove(l);
        }
        return emitter;
    }

    /** Sends the notice's id to every open page of the users. */
    void push(Collection<Long> userIds, long noticeId) {
        if (userIds.isEmpty() || listeners.isEmpty()) {
            return;
        }
        java.util.Set<Long> users = new java.util.HashSet<>(userIds);
        for (Listener l : listeners) {
            if (!users.contains(l.userId())) {
                continue;
            }
            try {
                l.emitter().send(SseEmitter.event().name("notice").data(Long.toString(noticeId)));
            } catch (IOException | IllegalStateException e) {
                listeners.remove(l);
            }
        }
    }

    int listening() {
        return listeners.size();
    }
}
