package org.pingji.testing;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals are 400 with the reason (a full scan queue is the platform's 503 with Retry-After). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TestingErrors {

    @ExceptionHandler(TestingRefused.class)
    Object refused(TestingRefused e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.BAD_REQUEST, "refused", e.getMessage());
    }
}
