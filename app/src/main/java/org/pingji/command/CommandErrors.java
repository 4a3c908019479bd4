package org.pingji.command;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input is 400, a state conflict 409, an unknown id 404, each with the reason. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandErrors {

    @ExceptionHandler(CommandRefused.class)
    Object refused(CommandRefused e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    @ExceptionHandler(CommandConflict.class)
    Object conflict(CommandConflict e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    @ExceptionHandler(CommandNotFound.class)
    Object notFound(CommandNotFound e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }
}
