package org.pingji.warning;

import org.pingji.platform.Refusal;

/** Detection parameters or a range the detectors cannot work with (HTTP 400). */
class DetectionRefused extends Refusal {

    private DetectionRefused(String code, String message) {
        super(Kind.INVALID, code, message);
    }

    static DetectionRefused alpha(double alpha) {
        return new DetectionRefused("warning.alpha_invalid", "alpha 必须在 0 与 1 之间（不含两端），收到 " + alpha);
    }

    static DetectionRefused baseline(int baseline) {
        return new DetectionRefused("warning.baseline_invalid", "基线天数须在 3 至 365 之间，收到 " + baseline);
    }

    static DetectionRefused minSigma(double minSigma) {
        return new DetectionRefused("warning.min_sigma_invalid", "最小标准差 minSigma 不能为负，收到 " + minSigma);
    }

    static DetectionRefused percentile(double percentile) {
        return new DetectionRefused("warning.percentile_invalid", "百分位数须在 0 与 1 之间（不含两端），收到 " + percentile);
    }

    static DetectionRefused threshold(Integer threshold) {
        return new DetectionRefused("warning.threshold_invalid", "固定阈值法须给出不小于 1 的阈值，收到 " + threshold);
    }

    static DetectionRefused method(String method) {
        return new DetectionRefused("warning.method_invalid", "未知的预警方法：" + method + "（可选 C1、C2、C3、MPM、THRESHOLD）");
    }

    static DetectionRefused range(String message) {
        return new DetectionRefused("warning.range_invalid", message);
    }
}
