package org.pingji.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Console pages of access: login and the audit log. */
@Controller
class AccessConsole {

    private final AccessManagement access;

    AccessConsole(AccessManagement access) {
        this.access = access;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        var session = request.getSession(false);
        Object error = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("lockedOut", error instanceof LockedException);
        return "access/login";
    }

    @GetMapping("/")
    String home(Caller caller) {
        return "redirect:" + ConsoleNavigation.landing(caller);
    }

    @GetMapping("/me")
    String me(Caller caller, Model model) {
        model.addAttribute("me", caller);
        return "access/me";
    }

    @GetMapping("/audit")
    String audit(
            Caller caller,
            @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("entries", access.auditLog(caller, user, page, 100));
        model.addAttribute("user", user);
        model.addAttribute("page", page);
        return "access/audit";
    }

    /** Puts the signed-in {@link Caller} (or null) in every console page's model. */
    @ControllerAdvice
    static class CallerModel {
        @ModelAttribute("caller")
        Caller caller() {
            try {
                return SecurityConfiguration.currentCaller();
            } catch (AccessRefused notSignedIn) {
                return null;
            }
        }
    }
}
