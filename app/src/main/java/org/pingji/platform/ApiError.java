package org.pingji.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Error answers: {@code {"code": stable code, "error": kind, "message": Chinese text, ...}} as
 * JSON under {@code /api/**}, the console's error page elsewhere.
 */
public final class ApiError {

    private ApiError() {}

    public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String code, String message) {
        return of(status, code, error(status), message, Map.of());
    }

    static ResponseEntity<Map<String, Object>> of(
            HttpStatus status, String code, String error, String message, Map<String, Object> extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("error", error);
        body.put("message", message);
        body.putAll(extras);
        var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE && "busy".equals(error)) {
            answer.header("Retry-After", "1");
        }
        return answer.body(body);
    }

    /**
     * JSON for API requests and for console scripts that send or ask for JSON, otherwise the
     * {@code error/status} page with the message.
     */
    public static Object respond(HttpServletRequest request, HttpStatus status, String code, String message) {
        return wantsJson(request) ? of(status, code, message) : ErrorPages.page(request, status, message);
    }

    /** A module's refusal: its kind's status, its code, message and extra fields. */
    static Object respond(HttpServletRequest request, Refusal refusal) {
        HttpStatus status = HttpStatus.valueOf(refusal.kind().status());
        return wantsJson(request)
                ? of(status, refusal.code(), refusal.kind().error(), refusal.getMessage(), refusal.extras())
                : ErrorPages.page(request, status, refusal.getMessage());
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String contentType = request.getContentType();
        return request.getRequestURI().startsWith("/api/")
                || (accept != null && accept.contains("application/json"))
                || (contentType != null && contentType.contains("application/json"));
    }

    static String error(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case CONFLICT -> "conflict";
            case SERVICE_UNAVAILABLE -> "unavailable";
            case INTERNAL_SERVER_ERROR -> "internal";
            default -> "request";
        };
    }
}
