package org.pingji.warning;

import org.pingji.platform.Refusal;

/** A sensor or alarm request refused: bad input (400), unknown (404) or contradicting (409). */
class SensorRefused extends Refusal {

    SensorRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static SensorRefused invalid(String code, String message) {
        return new SensorRefused(Kind.INVALID, "warning." + code, message);
    }

    static SensorRefused notFound(String what) {
        return new SensorRefused(Kind.NOT_FOUND, "warning.not_found", "未找到" + what);
    }

    static SensorRefused conflict(String code, String message) {
        return new SensorRefused(Kind.CONFLICT, "warning." + code, message);
    }
}
