package org.pingji.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's error page ({@code error/status}) inside the normal layout, in Chinese, with the
 * request id the log carries. Used for refusals the handlers answer and, as Spring Boot's error
 * view, for everything else (no handler, a page that failed to render, a refusal by the security
 * filters): the Whitelabel page never shows. A message is shown only when it is written for people
 * (Chinese, no permission constant or exception name); otherwise the page says what the status
 * means.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private static final Pattern FOR_PEOPLE = Pattern.compile(".*\\p{IsHan}.*", Pattern.DOTALL);
    private static final Pattern FOR_MACHINES =
            Pattern.compile(".*(\\b[A-Z]{2,}_[A-Z_]+\\b|Exception|\\bat [a-z]+\\.).*", Pattern.DOTALL);

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return page(request, status, null);
    }

    /** The error page for {@code status} with the handler's {@code message} if people can read it. */
    static ModelAndView page(HttpServletRequest request, HttpStatus status, String message) {
        var page = new ModelAndView("error/status", status);
        page.addObject("status", status.value());
        page.addObject("message", forPeople(message) ? message : null);
        page.addObject("requestId", RequestIds.of(request));
        return page;
    }

    static boolean forPeople(String message) {
        return message != null
                && FOR_PEOPLE.matcher(message).matches()
                && !FOR_MACHINES.matcher(message).matches();
    }
}
