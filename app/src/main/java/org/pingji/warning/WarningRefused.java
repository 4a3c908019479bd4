package org.pingji.warning;

import java.util.Map;
import org.pingji.platform.Refusal;

/**
 * A warning request refused: bad counts (400, with the row in {@code row}, 1-based), a region
 * or signal outside the jurisdiction (404), a step the signal's state does not allow (409).
 */
public class WarningRefused extends Refusal {

    WarningRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    WarningRefused(Kind kind, String code, String message, Map<String, ?> extras) {
        super(kind, code, message, extras);
    }

    static WarningRefused invalid(String code, String message) {
        return new WarningRefused(Kind.INVALID, "warning." + code, message);
    }

    /** A bad row of a batch of counts; nothing of the batch is written. */
    static WarningRefused row(Kind kind, String code, int row, String message) {
        return new WarningRefused(kind, "warning." + code, "第%d行：%s".formatted(row, message), Map.of("row", row));
    }

    static WarningRefused notFound(String what) {
        return new WarningRefused(Kind.NOT_FOUND, "warning.not_found", what + "不存在或不在管辖范围内");
    }

    static WarningRefused conflict(String message) {
        return new WarningRefused(Kind.CONFLICT, "warning.state_conflict", message);
    }
}
