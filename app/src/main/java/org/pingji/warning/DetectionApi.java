package org.pingji.warning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.List;
import org.pingji.access.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of aberration detection: trial runs of a method over a region's signal series. */
@RestController
@RequestMapping("/api/warning")
@Tag(
        name = "Warning: detection",
        description = "EARS C1-C3 (as R surveillance::earsC), CIDARS moving percentile, thresholds; backtesting")
class DetectionApi {

    private final SignalSeries series;
    private final Detection detection;
    private final Backtest backtest;

    DetectionApi(SignalSeries series, Detection detection, Backtest backtest) {
        this.series = series;
        this.detection = detection;
        this.backtest = backtest;
    }

    /** A detection request; unset parameters take the method's defaults. */
    record DetectRequest(
            @NotBlank String signal,
            @NotBlank String regionCode,
            @NotBlank @Schema(allowableValues = {"C1", "C2", "C3", "MPM", "THRESHOLD"}) String method,
            @Schema(description = "EARS: 1 - alpha normal quantile, in (0, 1); default 0.001") Double alpha,
            @Schema(description = "EARS baseline days, default 7") Integer baseline,
            @Schema(description = "EARS minimum sigma, default 0") Double minSigma,
            @Schema(description = "THRESHOLD: alarm at this count or more, default 1") Integer threshold,
            @Schema(description = "MPM percentile in (0, 1), default 0.8") Double percentile,
            LocalDate from,
            LocalDate to) {

        DetectionSettings settings() {
            return settings(method, alpha, baseline, minSigma, threshold, percentile);
        }

        static DetectionSettings settings(
                String method, Double alpha, Integer baseline, Double minSigma, Integer threshold, Double percentile) {
            var d = DetectionSettings.of(Detection.method(method));
            return new DetectionSettings(
                    d.method(),
                    alpha == null ? d.alpha() : alpha,
                    baseline == null ? d.baseline() : baseline,
                    minSigma == null ? d.minSigma() : minSigma,
                    threshold == null ? d.threshold() : threshold,
                    percentile == null ? d.percentile() : percentile);
        }
    }

    @PostMapping("/detect")
    @Operation(
            summary = "Run a detection method over a signal's daily series of a region (summed over its subtree)",
            description =
                    "One point per day from..to: observed (MPM: the 7-day sum), upperBound (null without enough history), alarm")
    List<DetectionPoint> detect(Caller caller, @Valid @RequestBody DetectRequest request) {
        DetectionSettings settings = request.settings();
        DailySeries s = series.load(
                caller,
                request.signal(),
                request.regionCode(),
                request.from(),
                request.to(),
                detection.historyDays(settings));
        return detection.detect(s, request.from(), request.to(), settings);
    }

    @PostMapping("/backtest")
    @Operation(
            summary =
                    "Replay a history with an injected outbreak: per setting the false-alarm rate, sensitivity and days to detection")
    List<Backtest.Row> backtest(Caller caller, @Valid @RequestBody Backtest.Request request) {
        return backtest.run(caller, request);
    }
}
