package org.pingji.platform;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to the open pages of this node: each page listens under a key (its user, its
 * jurisdiction path…); a change is sent to the pages whose key it concerns, and a page that went
 * away is dropped at the first failed send. Modules keep one feed per kind of event.
 *
 * @param <K> what a page listens under
 */
public final class PageFeed<K> {

    private record Listener<K>(K key, SseEmitter emitter) {}

    private final List<Listener<K>> listeners = new CopyOnWriteArrayList<>();

    /** Opens a page's stream (no timeout) and greets it with a {@code hello} event. */
    public SseEmitter open(K key) {
        SseEmitter emitter = new SseEmitter(0L);
        Listener<K> l = new Listener<>(key, emitter);
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

    /** Sends event {@code name} to every page for which {@code dataFor} of its key gives data. */
    public void send(String name, Function<K, Optional<String>> dataFor) {
        for (Listener<K> l : listeners) {
            Optional<String> data = dataFor.apply(l.key());
            if (data.isEmpty()) {
                continue;
            }
            try {
                l.emitter().send(SseEmitter.event().name(name).data(data.get()));
            } catch (IOException | IllegalStateException e) {
                listeners.remove(l);
            }
        }
    }

    /** How many pages are listening on this node. */
    public int listening() {
        return listeners.size();
    }
}
