package org.pingji.warning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.RegionLevel;
import org.pingji.platform.CountyTime;
import org.pingji.platform.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The trial-run page (试算) of detection: pick a signal, a region, a method and its parameters and
 * a date range; the page shows each day's count, bound and alarm as a chart and a table. Not in the
 * header: the signals pages link to it.
 */
@Controller
class DetectionConsole {

    private final SignalSeries series;
    private final Detection detection;
    private final GridManagement grid;
    private final Clock clock;
    private final CountyTime time;
    private final tools.jackson.databind.json.JsonMapper json;

    DetectionConsole(
            SignalSeries series,
            Detection detection,
            GridManagement grid,
            Clock clock,
            CountyTime time,
            tools.jackson.databind.json.JsonMapper json) {
        this.series = series;
        this.detection = detection;
        this.grid = grid;
        this.clock = clock;
        this.time = time;
        this.json = json;
    }

    @GetMapping("/warning/detect")
    String detect(
            Caller caller,
            @RequestParam(required = false) String signal,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "C1") String method,
            @RequestParam(required = false) Double alpha,
            @RequestParam(required = false) Integer threshold,
            @RequestParam(required = false) Double percentile,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        caller.require(Permission.SIGNAL_ANALYSE);
        LocalDate today = LocalDate.now(clock.withZone(time.zone()));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(89) : from;
        String code = region == null || region.isBlank() ? caller.jurisdictionCode() : region;
        model.addAttribute("signals", series.catalogue());
        model.addAttribute("regions", grid.regionTree(caller, RegionLevel.VILLAGE));
        model.addAttribute("methods", DetectionMethod.values());
        model.addAttribute("signal", signal);
        model.addAttribute("region", code);
        model.addAttribute("method", method);
        model.addAttribute("alpha", alpha == null ? DetectionSettings.DEFAULT_ALPHA : alpha);
        model.addAttribute("threshold", threshold == null ? 1 : threshold);
        model.addAttribute("percentile", percentile == null ? DetectionSettings.DEFAULT_PERCENTILE : percentile);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        if (signal != null && !signal.isBlank()) {
            try {
                var settings = DetectionApi.DetectRequest.settings(method, alpha, null, null, threshold, percentile);
                DailySeries s = series.load(caller, signal, code, start, end, detection.historyDays(settings));
                List<DetectionPoint> points = detection.detect(s, start, end, settings);
                model.addAttribute("points", points);
                model.addAttribute(
                        "alarms", points.stream().filter(DetectionPoint::alarm).count());
                model.addAttribute("chartJson", chartJson(points));
            } catch (Refusal refusal) {
                model.addAttribute("error", refusal.getMessage());
            }
        }
        return "warning/detect";
    }

    private String chartJson(List<DetectionPoint> points) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("dates", points.stream().map(p -> p.date().toString()).toList());
        chart.put("observed", points.stream().map(DetectionPoint::observed).toList());
        chart.put(
                "bound",
                points.stream()
                        .map(p -> p.upperBound() == null ? null : Math.round(p.upperBound() * 100) / 100.0)
                        .toList());
        chart.put("alarm", points.stream().map(DetectionPoint::alarm).toList());
        return json.writeValueAsString(chart);
    }
}
