package org.pingji.command;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.pingji.access.AccessRefused;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What command's console forms share: running an action with a flash notice, local times. */
final class ConsoleForms {

    private ConsoleForms() {}

    /** Runs a form action; a refusal comes back to the page as a flash error instead of an error page. */
    static String act(RedirectAttributes redirect, String target, String done, Supplier<?> action) {
        try {
            action.get();
            if (done != null) {
                redirect.addFlashAttribute("notice", done);
            }
        } catch (CommandRefused | CommandConflict | CommandNotFound | AccessRefused | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }

    /** A local date-time of the county's zone as an instant (null stays null). */
    static Instant local(ZoneId zone, LocalDateTime t) {
        return t == null ? null : t.atZone(zone).toInstant();
    }
}
