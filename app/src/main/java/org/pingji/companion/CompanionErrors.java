package org.pingji.companion;

import jakarta.servlet.http.HttpServletRequest;
import org.pingji.platform.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Unknown run 404, refused step 409, job not built 503. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CompanionErrors {

    @ExceptionHandler(CompanionRunNotFound.class)
    Object notFound(CompanionRunNotFound e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(FollowUpRefused.class)
    Object refused(FollowUpRefused e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.CONFLICT, "refused", e.getMessage());
    }

    @ExceptionHandler(CompanionJobUnavailable.class)
    Object unavailable(CompanionJobUnavailable e, HttpServletRequest request) {
        return ApiError.respond(request, HttpStatus.SERVICE_UNAVAILABLE, "job_unavailable", e.getMessage());
    }
}
