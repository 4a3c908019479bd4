package org.pingji.person;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps persons outside the jurisdiction or unknown to 404 (their existence is not revealed). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PersonErrors {

    @ExceptionHandler(PersonNotFound.class)
    Object notFound(PersonNotFound e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(VisitNotFound.class)
    Object visitNotFound(VisitNotFound e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }
}
