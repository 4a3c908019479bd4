package org.pingji.status;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatusErrors {

    @ExceptionHandler(StatusRefused.class)
    Object refused(StatusRefused e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.CONFLICT, "refused", e.getMessage());
    }
}
