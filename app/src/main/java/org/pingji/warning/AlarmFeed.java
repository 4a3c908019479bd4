package org.pingji.warning;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to the open alarm consoles: each change of an alarm (raised, level up,
 * acknowledged, escalated, cleared, disposed) is sent, after its commit, to every console whose
 * jurisdiction covers the sensor's region; the page then reloads its alarm list.
 */
@Component
class AlarmFeed {

    /** A changed alarm and its sensor's region path. */
    record Change(long alarmId, String path) {}

    private record Listener(String jurisdictionPath, SseEmitter emitter) {}

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    SseEmitter open(String jurisdictionPath) {
        SseEmitter emitter = new SseEmitter(0L);
        Listener l = new Listener(jurisdictionPath, emitter);
        listeners.add(l);
        emitter.onCompletion(() -> listeners.remove(l));
        emitter.onTimeout(() -> listeners.remove(l));
        emitter.onError(e -> listeners.remove(l));
        try {
            emitter.send(SseEmitter.event().name("hello").data("ok"));
        } catch (IOException e) {
            listeners.remove(l);
        }
        return emitter;
    }

    void publish(List<Change> changes) {
        if (changes.isEmpty() || listeners.isEmpty()) {
            return;
        }
        for (Listener l : listeners) {
            List<Long> ids = changes.stream()
                    .filter(c -> c.path().startsWith(l.jurisdictionPath()))
                    .map(Change::alarmId)
                    .distinct()
                    .toList();
            if (ids.isEmpty()) {
                continue;
            }
            try {
                l.emitter().send(SseEmitter.event().name("alarm").data(ids.toString()));
            } catch (IOException | IllegalStateException e) {
                listeners.remove(l);
            }
        }
    }

    int listening() {
        return listeners.size();
    }
}
