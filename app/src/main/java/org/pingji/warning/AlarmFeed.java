package org.pingji.warning;

import java.util.List;
import java.util.Optional;
import org.pingji.platform.PageFeed;
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

    /** Consoles by the region path of their user's jurisdiction. */
    private final PageFeed<String> pages = new PageFeed<>();

    SseEmitter open(String jurisdictionPath) {
        return pages.open(jurisdictionPath);
    }

    void publish(List<Change> changes) {
        if (changes.isEmpty() || pages.listening() == 0) {
            return;
        }
        pages.send("alarm", jurisdiction -> {
            List<Long> ids = changes.stream()
                    .filter(c -> c.path().startsWith(jurisdiction))
                    .map(Change::alarmId)
                    .distinct()
                    .toList();
            return ids.isEmpty() ? Optional.empty() : Optional.of(ids.toString());
        });
    }

    int listening() {
        return pages.listening();
    }
}
