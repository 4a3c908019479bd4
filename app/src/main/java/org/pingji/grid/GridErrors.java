package org.pingji.grid;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps unknown region codes to 404. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class GridErrors {

    @ExceptionHandler(RegionNotFound.class)
    Object notFound(RegionNotFound e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }
}
