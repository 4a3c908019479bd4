package org.pingji.checkpoint;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CheckpointErrors {

    @ExceptionHandler(CheckRefused.class)
    Object refused(CheckRefused e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.CONFLICT, "refused", e.getMessage());
    }

    @ExceptionHandler(Checkpoints.NotFound.class)
    Object notFound(Checkpoints.NotFound e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }
}
