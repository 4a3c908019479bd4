package org.pingji.person;

import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officers' page of persons found twice: compare, merge (choose the survivor), undo. */
@Controller
class MergesConsole {

    private final DuplicateFinder duplicates;
    private final PersonMerges merges;

    MergesConsole(DuplicateFinder duplicates, PersonMerges merges) {
        this.duplicates = duplicates;
        this.merges = merges;
    }

    @GetMapping("/persons/duplicates")
    String page(Caller caller, Model model) {
        model.addAttribute("pairs", duplicates.pairs(caller));
        model.addAttribute("merges", merges.recent(caller));
        model.addAttribute("canMerge", caller.can(Permission.PERSON_MERGE));
        return "person/duplicates";
    }

    @PostMapping("/persons/duplicates/merge")
    String merge(
            Caller caller, @RequestParam long survivor, @RequestParam long duplicate, RedirectAttributes redirect) {
        try {
            var merge = merges.merge(caller, survivor, duplicate);
            redirect.addFlashAttribute(
                    "done", "已合并：「%s」(%d) 并入 %d".formatted(merge.duplicateName(), duplicate, survivor));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/persons/duplicates";
    }

    @PostMapping("/persons/duplicates/dismiss")
    String dismiss(
            Caller caller,
            @RequestParam long first,
            @RequestParam long second,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            duplicates.dismiss(caller, first, second, note);
            redirect.addFlashAttribute("done", "已标记：%d 与 %d 不是同一人，不再提示".formatted(first, second));
        } catch (IllegalArgumentException | VisitConflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/persons/duplicates";
    }

    @PostMapping("/persons/merges/{id}/undo")
    String undo(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        try {
            var merge = merges.undo(caller, id);
            redirect.addFlashAttribute(
                    "done", "已撤销合并：「%s」(%d) 已恢复".formatted(merge.duplicateName(), merge.duplicateId()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/persons/duplicates";
    }
}
