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
 * exception's message. Expected refusals ({@link Refusal}, extended by every module's exceptions)
 * are answered here too, with their kind's status and their stable code: the one mapping of
 * exception to status.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    /** A module's refusal: its kind's status (400/403/404/409/503), code, Chinese message, extras. */
    @ExceptionHandler(Refusal.class)
    Object refused(Refusal e, HttpServletRequest request) {
        return ApiError.respond(request, e);
    }

    /** Invariant violations carry messages written for users (field and reason): 400. */
    @ExceptionHandler(IllegalArgumentException.class)
    Object badInput(IllegalArgumentException e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.BAD_REQUEST, "request.invalid", e.getMessage());
    }

    /** Bean Validation failures name the field and the reason. */
    @ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
    Object invalid(org.springframework.web.bind.MethodArgumentNotValidException e, HttpServletRequest request) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .collect(java.util.stream.Collectors.joining("; "));
        return ApiError.respond(request, HttpStatus.BAD_REQUEST, "request.invalid", message);
    }

    /** A parameter of the wrong type or outside a closed set names the parameter and the value. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    Object mismatch(
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
            HttpServletRequest request) {
        return ApiError.respond(
                request,
                HttpStatus.BAD_REQUEST,
                "request.invalid",
                "%s: '%s' 不是有效的值".formatted(e.getName(), e.getValue()));
    }

    /**
     * A body that is not JSON, a value of the wrong type or outside a closed set (an unknown enum
     * constant), a malformed date: 400 naming the field and the value.
     */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    Object unreadable(
            org.springframework.http.converter.HttpMessageNotReadableException e, HttpServletRequest request) {
        String message = "请求内容无法解析（须为有效的 JSON）";
        if (e.getMostSpecificCause() instanceof tools.jackson.databind.exc.MismatchedInputException m) {
            String field = m.getPath().stream()
                    .map(r -> r.getPropertyName())
                    .filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining("."));
            Object value = m instanceof tools.jackson.databind.exc.InvalidFormatException f ? f.getValue() : null;
            message = value == null
                    ? "%s: 值的类型不正确".formatted(field.isEmpty() ? "请求体" : field)
                    : "%s: '%s' 不是有效的值".formatted(field, value);
        }
        return ApiError.respond(request, HttpStatus.BAD_REQUEST, "request.unreadable", message);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    Object denied(Exception e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.FORBIDDEN, "access.forbidden", "无权访问");
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse response) {
            // Framework errors (missing parameter, wrong type, unreadable body, 404...) keep their status.
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return ApiError.respond(request, status, "request." + ApiError.error(status), framework(e, status));
        }
        String incident = RequestIds.of(request);
        if (incident == null) {
            incident = UUID.randomUUID().toString().substring(0, 8);
        }
        log.error("Incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        if (request.getRequestURI().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", "internal");
            body.put("error", "internal");
            body.put("message", "内部错误，事件编号 " + incident);
            body.put("incident", incident);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body);
        }
        return ErrorPages.page(request, HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    /** The framework's own errors in Chinese (its details are English). */
    private static String framework(Exception e, HttpStatus status) {
        if (e instanceof org.springframework.web.bind.MissingServletRequestParameterException m) {
            return "缺少参数 " + m.getParameterName();
        }
        if (e instanceof org.springframework.web.multipart.support.MissingServletRequestPartException m) {
            return "缺少上传部分 " + m.getRequestPartName();
        }
        return switch (status) {
            case NOT_FOUND -> "请求的地址不存在";
            case METHOD_NOT_ALLOWED -> "该地址不支持此请求方法";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的请求内容类型";
            case NOT_ACCEPTABLE -> "无法按要求的格式回答";
            case PAYLOAD_TOO_LARGE -> "上传内容过大";
            default -> "请求无效（%d）".formatted(status.value());
        };
    }
}
