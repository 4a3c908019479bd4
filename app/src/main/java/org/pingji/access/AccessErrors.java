package org.pingji.access;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps refusals by role or jurisdiction to 403. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessErrors {

    @ExceptionHandler(AccessRefused.class)
    Object refused(AccessRefused e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler({Credentials.UnknownUser.class, Credentials.UnknownToken.class})
    Object unknown(RuntimeException e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }
}
