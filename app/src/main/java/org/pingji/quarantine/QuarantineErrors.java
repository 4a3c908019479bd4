package org.pingji.quarantine;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Conflicts are 409 (with the unmet release criteria listed); unknown placements and sites 404. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QuarantineErrors {

    @ExceptionHandler(QuarantineRefused.class)
    Object refused(QuarantineRefused e, HttpServletRequest request) {
        Object response = ApiError.respond(request, HttpStatus.CONFLICT, "conflict", e.getMessage());
        if (response instanceof ResponseEntity<?> entity && entity.getBody() instanceof Map<?, ?> body) {
            Map<Object, Object> withReasons = new LinkedHashMap<>(body);
            withReasons.put("reasons", e.reasons());
            return ResponseEntity.status(entity.getStatusCode())
                    .headers(entity.getHeaders())
                    .body(withReasons);
        }
        return response;
    }

    @ExceptionHandler(PlacementNotFound.class)
    Object notFound(PlacementNotFound e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }
}
