package org.pingji.person;

import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.RegionLevel;
import org.pingji.grid.RegionSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of a region's 待分配 households: the list, and assignment by address prefix. */
@Controller
class PendingHouseholdsConsole {

    private final PendingHouseholds pending;
    private final GridManagement grid;

    PendingHouseholdsConsole(PendingHouseholds pending, GridManagement grid) {
        this.pending = pending;
        this.grid = grid;
    }

    @GetMapping("/regions/{code}/unassigned")
    String page(Caller caller, @PathVariable String code, Model model) {
        model.addAttribute("region", grid.region(caller, code));
        model.addAttribute("pending", pending.list(caller, code, 500));
        model.addAttribute("microGrids", microGrids(caller, code));
        model.addAttribute("canAssign", caller.can(Permission.LEDGER_IMPORT));
        return "person/unassigned";
    }

    @PostMapping("/regions/{code}/unassigned")
    String assign(
            Caller caller,
            @PathVariable String code,
            @RequestParam(defaultValue = "") String addressPrefix,
            @RequestParam String microGrid,
            RedirectAttributes redirect) {
        var assigned = pending.assign(caller, code, addressPrefix, List.of(), microGrid);
        redirect.addFlashAttribute("assigned", assigned);
        return "redirect:/regions/" + code + "/unassigned";
    }

    /** The micro-grids below the region, walking the tree (a village has a few dozen). */
    private List<RegionSummary> microGrids(Caller caller, String code) {
        List<RegionSummary> found = new java.util.ArrayList<>();
        for (RegionSummary child : grid.children(caller, code)) {
            if (child.level() == RegionLevel.MICRO_GRID) {
                found.add(child);
            } else if (found.size() < 500) {
                found.addAll(microGrids(caller, child.code()));
            }
        }
        return found;
    }
}
