package org.pingji.risk;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused changes are 409 with the reason; unknown notices and areas are 404. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RiskErrors {

    @ExceptionHandler(RiskRefused.class)
    Object refused(RiskRefused e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.CONFLICT, "refused", e.getMessage());
    }

    @ExceptionHandler(RiskAreas.NotFound.class)
    Object notFound(RiskAreas.NotFound e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }
}
