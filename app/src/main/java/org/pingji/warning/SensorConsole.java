package org.pingji.warning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alarm console (报警处置台): active alarms that update without reload (server-sent events;
 * the page fetches the list again on each event), acknowledge and dispose with a record, the alarm
 * log; the sensors page with a chart per sensor, intake problems and crowd flow (客流) of venues.
 */
@Controller
class SensorConsole {

    /** A venue's occupancy from its people counters: latest count against capacity. */
    record Venue(String site, String sensorCode, int capacity, Double count, Double percent, String level) {}

    /** A sensor with its latest reading. */
    record SensorRow(Sensor sensor, ReadingStore.Row latest) {}

    private final SensorDesk desk;
    private final AlarmFeed feed;
    private final ReadingStore store;

    private final Clock clock;

    SensorConsole(SensorDesk desk, AlarmFeed feed, ReadingStore store, Clock clock) {
        this.clock = clock;
        this.desk = desk;
        this.feed = feed;
        this.store = store;
    }

    @GetMapping("/warning/alarms")
    String alarms(Caller caller, Model model) {
        rows(caller, model);
        model.addAttribute(
                "log",
                desk.alarms(caller, null, 100).stream()
                        .filter(a -> !List.of("OPEN", "ACKNOWLEDGED").contains(a.state()))
                        .toList());
        return "warning/alarms";
    }

    @GetMapping("/warning/alarms/rows")
    String rows(Caller caller, Model model) {
        model.addAttribute("active", desk.alarms(caller, "ACTIVE", 200));
        model.addAttribute("canHandle", caller.can(Permission.ALARM_HANDLE));
        model.addAttribute("now", Instant.now(clock));
        return "warning/fragments/alarm-rows :: rows";
    }

    @GetMapping(value = "/warning/alarms/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller) {
        caller.require(Permission.ALARM_HANDLE);
        return feed.open(caller.jurisdictionPath());
    }

    @GetMapping("/warning/alarms/{id}")
    String alarm(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("alarm", desk.alarm(caller, id));
        model.addAttribute("events", desk.events(caller, id));
        return "warning/alarm";
    }

    @PostMapping("/warning/alarms/{id}/ack")
    String acknowledge(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        desk.acknowledge(caller, id);
        redirect.addFlashAttribute("notice", "报警 " + id + " 已确认");
        return "redirect:/warning/alarms";
    }

    @PostMapping("/warning/alarms/{id}/dispose")
    String dispose(Caller caller, @PathVariable long id, @RequestParam String note, RedirectAttributes redirect) {
        desk.dispose(caller, id, note);
        redirect.addFlashAttribute("notice", "报警 " + id + " 已处置并记录");
        return "redirect:/warning/alarms/" + id;
    }

    /** A sensor's readings for its chart on the sensors page (the signed-in console session). */
    @GetMapping(value = "/warning/sensors/{code}/readings", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<ReadingStore.Point> readings(Caller caller, @PathVariable String code, @RequestParam Instant from) {
        return desk.readings(caller, code, from, 1000);
    }

    @GetMapping("/warning/sensors")
    String sensors(Caller caller, Model model) {
        List<Sensor> sensors = desk.sensors(caller);
        Map<String, ReadingStore.Row> latest = store.latest();
        List<SensorRow> rows = new ArrayList<>();
        List<Venue> venues = new ArrayList<>();
        for (Sensor s : sensors) {
            ReadingStore.Row last = latest.get(s.code());
            rows.add(new SensorRow(s, last));
            if (s.kind() == SensorKind.PEOPLE_COUNT && s.capacity() != null) {
                Double count = last == null ? null : last.value();
                Double percent = count == null ? null : Math.round(count * 1000.0 / s.capacity()) / 10.0;
                String level = percent == null ? "—" : percent >= 100 ? "报警" : percent >= 80 ? "预警" : "正常";
                venues.add(new Venue(s.site(), s.code(), s.capacity(), count, percent, level));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("venues", venues);
        model.addAttribute("perSite", desk.activePerSite(caller));
        model.addAttribute("problems", caller.can(Permission.SENSOR_MANAGE) ? desk.problems(caller) : List.of());
        model.addAttribute("since", Instant.now(clock).minus(Duration.ofHours(1)));
        return "warning/sensors";
    }
}
