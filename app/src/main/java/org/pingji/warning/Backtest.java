package org.pingji.warning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.pingji.access.Caller;
import org.springframework.stereotype.Component;

/**
 * Backtesting before a setting is activated: replay a history with injected outbreaks and measure
 * each setting on it.
 *
 * <p>The series is the recorded history with, for each outbreak, {@code extra} added to every one
 * of its {@code days} days from {@code start}. Every setting runs over {@code from..to}; a day
 * counts when it has a bound (days without enough history are left out). The measures:
 *
 * <ul>
 *   <li><b>false-alarm rate</b>: alarms on days outside every outbreak / days outside every
 *       outbreak (the days just after an outbreak count as outside, so a method that keeps
 *       alarming on the tail, such as the 7-day sum of MPM, pays for it);
 *   <li><b>sensitivity</b>: outbreaks with at least one alarm on one of their days / outbreaks;
 *   <li><b>day sensitivity</b>: alarmed outbreak days / outbreak days;
 *   <li><b>days to detection</b>: per detected outbreak the days from its start to its first
 *       alarm (0 = alarmed on the first day); the mean over detected outbreaks.
 * </ul>
 */
@Component
class Backtest {

    static final int MAX_SETTINGS = 20;

    private final SignalSeries series;
    private final Detection detection;

    Backtest(SignalSeries series, Detection detection) {
        this.series = series;
        this.detection = detection;
    }

    /** An injected outbreak: {@code extra} more counts on each of {@code days} days from start. */
    record Outbreak(LocalDate start, int days, int extra) {}

    /** One setting to measure; unset parameters take the method's defaults. */
    record Setting(
            @NotBlank String method,
            Double alpha,
            Integer baseline,
            Double minSigma,
            Integer threshold,
            Double percentile) {
        DetectionSettings settings() {
            return DetectionApi.DetectRequest.settings(method, alpha, baseline, minSigma, threshold, percentile);
        }
    }

    record Request(
            @NotBlank String signal,
            @NotBlank String regionCode,
            LocalDate from,
            LocalDate to,
            @NotEmpty List<@Valid Setting> settings,
            @NotEmpty List<Outbreak> outbreaks) {}

    /** The measures of one setting. */
    record Row(
            DetectionSettings setting,
            int days,
            int quietDays,
            int falseAlarms,
            double falseAlarmRate,
            int outbreaks,
            int detected,
            double sensitivity,
            int outbreakDays,
            int alarmedOutbreakDays,
            double daySensitivity,
            List<Integer> daysToDetection,
            Double meanDaysToDetection) {}

    List<Row> run(Caller caller, Request request) {
        SignalSeries.checkRange(request.from(), request.to());
        if (request.settings().size() > MAX_SETTINGS) {
            throw DetectionRefused.range("一次最多比较 " + MAX_SETTINGS + " 种设置");
        }
        List<DetectionSettings> settings =
                request.settings().stream().map(Setting::settings).toList();
        int history = settings.stream().mapToInt(detection::historyDays).max().orElse(0);
        DailySeries s =
                series.load(caller, request.signal(), request.regionCode(), request.from(), request.to(), history);
        return evaluate(s, request.from(), request.to(), request.outbreaks(), settings);
    }

    /** The measures of every setting on the history with the outbreaks injected. */
    List<Row> evaluate(
            DailySeries history,
            LocalDate from,
            LocalDate to,
            List<Outbreak> outbreaks,
            List<DetectionSettings> settings) {
        long[] counts = history.counts().clone();
        int[] outbreakOf = new int[counts.length];
        for (int k = 0; k < outbreaks.size(); k++) {
            Outbreak o = outbreaks.get(k);
            if (o.start() == null || o.days() < 1 || o.extra() < 0) {
                throw DetectionRefused.range("暴发设置须给出开始日期、不少于 1 的天数和不为负的每日增加数");
            }
            int first = history.indexOf(o.start());
            if (o.start().isBefore(from) || o.start().plusDays(o.days() - 1L).isAfter(to)) {
                throw DetectionRefused.range(
                        "注入的暴发（" + o.start() + " 起 " + o.days() + " 天）须在回测范围 " + from + " 至 " + to + " 内");
            }
            for (int i = first; i < first + o.days(); i++) {
                counts[i] += o.extra();
                outbreakOf[i] = k + 1;
            }
        }
        DailySeries injected = new DailySeries(history.start(), counts);
        List<Row> rows = new ArrayList<>();
        for (DetectionSettings setting : settings) {
            rows.add(measure(
                    injected, from, outbreakOf, outbreaks, setting, detection.detect(injected, from, to, setting)));
        }
        return rows;
    }

    private static Row measure(
            DailySeries series,
            LocalDate from,
            int[] outbreakOf,
            List<Outbreak> outbreaks,
            DetectionSettings setting,
            List<DetectionPoint> points) {
        int days = 0;
        int quiet = 0;
        int falseAlarms = 0;
        int outbreakDays = 0;
        int alarmedOutbreakDays = 0;
        Integer[] firstAlarm = new Integer[outbreaks.size()];
        int offset = series.indexOf(from);
        for (int d = 0; d < points.size(); d++) {
            DetectionPoint p = points.get(d);
            if (p.upperBound() == null) {
                continue;
            }
            days++;
            int k = outbreakOf[offset + d];
            if (k == 0) {
                quiet++;
                falseAlarms += p.alarm() ? 1 : 0;
                continue;
            }
            outbreakDays++;
            if (p.alarm()) {
                alarmedOutbreakDays++;
                if (firstAlarm[k - 1] == null) {
                    firstAlarm[k - 1] =
                            (int) ChronoUnit.DAYS.between(outbreaks.get(k - 1).start(), p.date());
                }
            }
        }
        List<Integer> toDetection = new ArrayList<>();
        for (Integer f : firstAlarm) {
            toDetection.add(f);
        }
        List<Integer> detected = toDetection.stream().filter(f -> f != null).toList();
        Double mean = detected.isEmpty()
                ? null
                : detected.stream().mapToInt(Integer::intValue).average().orElseThrow();
        return new Row(
                setting,
                days,
                quiet,
                falseAlarms,
                quiet == 0 ? 0 : (double) falseAlarms / quiet,
                outbreaks.size(),
                detected.size(),
                outbreaks.isEmpty() ? 0 : (double) detected.size() / outbreaks.size(),
                outbreakDays,
                alarmedOutbreakDays,
                outbreakDays == 0 ? 0 : (double) alarmedOutbreakDays / outbreakDays,
                toDetection,
                mean);
    }
}
