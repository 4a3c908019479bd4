package org.pingji.person;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceView;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The visit pages: campaigns (opened by officers), a micro-grid's households with 已走访/未走访
 * (the grid worker's phone page), one household's visit form, and a campaign's coverage.
 */
@Controller
class VisitsConsole {

    private final VisitCampaigns campaigns;
    private final HouseholdVisits visits;
    private final VisitCoverage coverage;
    private final PersonManagement persons;
    private final GridManagement grid;

    VisitsConsole(
            VisitCampaigns campaigns,
            HouseholdVisits visits,
            VisitCoverage coverage,
            PersonManagement persons,
            GridManagement grid) {
        this.campaigns = campaigns;
        this.visits = visits;
        this.coverage = coverage;
        this.persons = persons;
        this.grid = grid;
    }

    /** A micro-grid the worker keeps with its current campaign (null: none). */
    record KeptGrid(String code, String name, VisitCampaigns.Campaign campaign) {}

    @GetMapping("/visits")
    String home(Caller caller, Model model) {
        caller.require(Permission.LEDGER_READ);
        List<KeptGrid> kept = new ArrayList<>();
        for (String code : campaigns.keptBy(caller)) {
            Region region = grid.requireMicroGrid(code);
            kept.add(new KeptGrid(
                    code, region.name(), campaigns.current(caller, code).orElse(null)));
        }
        model.addAttribute("kept", kept);
        model.addAttribute("campaigns", campaigns.list(caller));
        model.addAttribute("canOpen", caller.can(Permission.VISIT_MANAGE));
        model.addAttribute("canMerge", caller.can(Permission.PERSON_MERGE));
        if (caller.can(Permission.VISIT_MANAGE)) {
            model.addAttribute("regions", grid.regionTree(caller, RegionLevel.GRID));
            model.addAttribute("today", campaigns.today());
        }
        return "person/visits";
    }

    @PostMapping("/visits/campaigns")
    String open(
            Caller caller,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) LocalDate startsOn,
            RedirectAttributes redirect) {
        try {
            var campaign = campaigns.open(caller, region, name, startsOn);
            return "redirect:/visits/campaigns/" + campaign.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/visits";
        }
    }

    /** The micro-grid page's way in: its current campaign's households, or a page saying there is none. */
    @GetMapping("/visits/grids/{code}")
    String grid(Caller caller, @PathVariable String code, Model model) {
        Region microGrid = campaigns.microGrid(caller, code);
        var current = campaigns.current(caller, code);
        if (current.isPresent()) {
            return "redirect:/visits/campaigns/%d/grids/%s"
                    .formatted(current.get().id(), code);
        }
        model.addAttribute("microGrid", microGrid);
        return "person/visits-none";
    }

    @GetMapping("/visits/campaigns/{id}/grids/{code}")
    String households(
            Caller caller,
            @PathVariable long id,
            @PathVariable String code,
            @RequestParam(defaultValue = "all") String show,
            Model model) {
        var all = visits.households(caller, id, code);
        model.addAttribute("campaign", campaigns.get(caller, id));
        model.addAttribute("microGrid", campaigns.microGrid(caller, code));
        model.addAttribute(
                "visited",
                all.stream().filter(HouseholdVisits.HouseholdStatus::visited).count());
        model.addAttribute("total", all.size());
        model.addAttribute("show", "open".equals(show) ? "open" : "all");
        model.addAttribute(
                "households",
                "open".equals(show) ? all.stream().filter(h -> !h.visited()).toList() : all);
        return "person/visit-grid";
    }

    @GetMapping("/visits/campaigns/{id}/households/{householdId}")
    String form(Caller caller, @PathVariable long id, @PathVariable long householdId, Model model) {
        fill(caller, id, householdId, model);
        return "person/visit-household";
    }

    @PostMapping("/visits/campaigns/{id}/households/{householdId}")
    String record(
            Caller caller,
            @PathVariable long id,
            @PathVariable long householdId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var recorded = visits.record(caller, id, householdId, VisitForms.parse(form));
            PlaceView household = visits.household(caller, id, householdId);
            redirect.addFlashAttribute(
                    "saved",
                    "已保存「%s」的走访：在家 %d 人，变动 %d 项".formatted(household.name(), recorded.found(), recorded.changes()));
            return "redirect:/visits/campaigns/%d/grids/%s".formatted(id, household.microGridCode());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            fill(caller, id, householdId, model);
            return "person/visit-household";
        }
    }

    private void fill(Caller caller, long id, long householdId, Model model) {
        PlaceView household = visits.household(caller, id, householdId);
        model.addAttribute("campaign", campaigns.get(caller, id));
        model.addAttribute("household", household);
        model.addAttribute("microGrid", grid.requireMicroGrid(household.microGridCode()));
        model.addAttribute("members", persons.householdMembers(caller, householdId));
        model.addAttribute("last", visits.lastVisit(id, household));
        model.addAttribute("today", campaigns.today());
    }

    @GetMapping("/visits/campaigns/{id}")
    String coverage(Caller caller, @PathVariable long id, @RequestParam(required = false) String region, Model model) {
        var result = coverage.coverage(caller, id, region);
        model.addAttribute("campaign", campaigns.get(caller, id));
        model.addAttribute("coverage", result);
        model.addAttribute(
                "breadcrumbs", grid.breadcrumbs(caller, result.region().code()));
        model.addAttribute("canExport", caller.can(Permission.LEDGER_EXPORT));
        model.addAttribute("canClose", caller.can(Permission.VISIT_MANAGE) && caller.covers(campaigns.path(id)));
        return "person/visit-coverage";
    }

    @PostMapping("/visits/campaigns/{id}/close")
    String close(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        try {
            var campaign = campaigns.close(caller, id);
            redirect.addFlashAttribute("done", "走访任务「%s」已结束".formatted(campaign.name()));
        } catch (VisitConflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/visits/campaigns/" + id;
    }

    @GetMapping("/visits/campaigns/{id}/unvisited.xlsx")
    void export(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String region,
            HttpServletResponse response)
            throws IOException {
        VisitsApi.writeUnvisited(coverage, caller, id, region, response);
    }
}
