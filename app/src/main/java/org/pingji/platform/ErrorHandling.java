package org.pingji.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The last-resort error mapping: an unexpected exception is logged with an incident id and the
 * user sees only that id (JSON for {@code /api/**}, the error page otherwise), never the
 * exception's message. Module advices handle the expected exceptions first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    /** Invariant violations carry messages written for users (field and reason): 400. */
    @ExceptionHandler(IllegalArgumentException.class)
    Object badInput(IllegalArgumentException e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    /** Bean Validation failures name the field and the reason. */
    @ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
    Object invalid(org.springframework.web.bind.MethodArgumentNotValidException e, HttpServletRequest request) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .collect(java.util.stream.Collectors.joining("; "));
        return ApiError.respond(request, HttpStatus.BAD_REQUEST, "invalid", message);
    }

    /** A parameter of the wrong type or outside a closed set names the parameter and the value. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    Object mismatch(
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
            HttpServletRequest request) {
        return ApiError.respond(
                request, HttpStatus.BAD_REQUEST, "invalid", "%s: '%s' 不是有效的值".formatted(e.getName(), e.getValue()));
    }

    /** A body that is not JSON, or a value outside a closed set (an unknown enum constant): 400. */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    Object unreadable(
            org.springframework.http.converter.HttpMessageNotReadableException e, HttpServletRequest request) {
        String detail = e.getMostSpecificCause().getMessage();
        String message = detail != null && detail.contains("not one of the values accepted")
                ? "请求中有不在允许范围内的值: " + detail.substring(0, Math.min(detail.length(), 300))
                : "请求内容无法解析（须为有效的 JSON）";
        return ApiError.respond(request, HttpStatus.BAD_REQUEST, "unreadable", message);
    }

    /** A full or stopping write queue: 503 with Retry-After, the client tries again shortly. */
    @ExceptionHandler(ServiceBusy.class)
    Object busy(ServiceBusy e, HttpServletRequest request) {
        Object response = ApiError.respond(request, HttpStatus.SERVICE_UNAVAILABLE, "busy", e.getMessage());
        if (response instanceof ResponseEntity<?> entity) {
            return ResponseEntity.status(entity.getStatusCode())
                    .header("Retry-After", "1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(entity.getBody());
        }
        return response;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    Object denied(Exception e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.FORBIDDEN, "forbidden", "无权访问");
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse response) {
            // Framework errors (missing parameter, wrong type, unreadable body, 404...) keep their status.
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            String detail = response.getBody().getDetail();
            return ApiError.respond(request, status, "request", detail == null ? status.getReasonPhrase() : detail);
        }
        String incident = RequestIds.of(request);
        if (incident == null) {
            incident = UUID.randomUUID().toString().substring(0, 8);
        }
        log.error("Incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        if (request.getRequestURI().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "internal");
            body.put("message", "内部错误，事件编号 " + incident);
            body.put("incident", incident);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body);
        }
        return ErrorPages.page(request, HttpStatus.INTERNAL_SERVER_ERROR, null);
    }
}
