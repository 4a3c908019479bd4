package org.pingji.inspection;

import java.util.Map;
import org.pingji.platform.Refusal;

/** A supervision request refused: bad input (400), unknown (404) or contradicting the record (409). */
public class InspectionRefused extends Refusal {

    InspectionRefused(Kind kind, String code, String message, Map<String, ?> extras) {
        super(kind, "inspection." + code, message, extras);
    }

    static InspectionRefused invalid(String code, String message) {
        return new InspectionRefused(Kind.INVALID, code, message, Map.of());
    }

    static InspectionRefused invalid(String code, String message, Map<String, ?> extras) {
        return new InspectionRefused(Kind.INVALID, code, message, extras);
    }

    static InspectionRefused notFound(String what) {
        return new InspectionRefused(Kind.NOT_FOUND, "not_found", "未找到" + what, Map.of());
    }

    static InspectionRefused conflict(String code, String message) {
        return new InspectionRefused(Kind.CONFLICT, code, message, Map.of());
    }

    static InspectionRefused conflict(String code, String message, Map<String, ?> extras) {
        return new InspectionRefused(Kind.CONFLICT, code, message, extras);
    }
}
