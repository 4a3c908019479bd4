package org.pingji.command;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.stream.Collectors;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An unreadable request body sent to command's API (a value of the wrong type, an unknown mode,
 * a malformed date) is bad input (400) naming the field and the value, not an incident.
 */
@RestControllerAdvice(assignableTypes = CommandWeb.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandRequestErrors {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String message = "请求内容不是有效的 JSON";
        if (e.getMostSpecificCause() instanceof tools.jackson.databind.exc.MismatchedInputException m) {
            String field = m.getPath().stream()
                    .map(r -> r.getPropertyName())
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining("."));
            Object value = m instanceof tools.jackson.databind.exc.InvalidFormatException f ? f.getValue() : null;
            message = value == null
                    ? "%s: 值的类型不正确".formatted(field.isEmpty() ? "请求体" : field)
                    : "%s: '%s' 不是有效的值".formatted(field, value);
        }
        return ApiError.respond(request, HttpStatus.BAD_REQUEST, "bad_request", message);
    }
}
