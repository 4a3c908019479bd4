package org.pingji.tracing;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Conflicts are 409, unknown cases and places 404. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TracingErrors {

    @ExceptionHandler(TracingRefused.class)
    Object refused(TracingRefused e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    @ExceptionHandler(CaseNotFound.class)
    Object notFound(CaseNotFound e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }
}
