package org.pingji.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Error answers: {@code {"error": code, "message": text}} as JSON under {@code /api/**}, the
 * console's error page elsewhere.
 */
public final class ApiError {

    private ApiError() {}

    public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    /**
     * JSON for API requests and for console scripts that send or ask for JSON, otherwise the
     * {@code error/status} page with the message.
     */
    public static Object respond(HttpServletRequest request, HttpStatus status, String code, String message) {
        String accept = request.getHeader("Accept");
        String contentType = request.getContentType();
        if (request.getRequestURI().startsWith("/api/")
                || (accept != null && accept.contains("application/json"))
                || (contentType != null && contentType.contains("application/json"))) {
            return of(status, code, message);
        }
        return ErrorPages.page(request, status, message);
    }
}
