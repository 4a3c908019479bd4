package org.pingji.person;

import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.PlaceView;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console pages of the grid and the ledger: the region tree from county to micro-grid with its
 * counts, a region's households, persons, grid workers and places, households, persons (masked,
 * with an audited unmask for allowed roles) and search.
 */
@Controller
class LedgerConsole {

    static final int PAGE_SIZE = 50;

    private final GridManagement grid;
    private final PersonManagement persons;

    LedgerConsole(GridManagement grid, PersonManagement persons) {
        this.grid = grid;
        this.persons = persons;
    }

    @GetMapping("/regions")
    String top(Caller caller) {
        return grid.topRegions(caller).stream()
                .findFirst()
                .map(r -> "redirect:/regions/" + r.code())
                .orElse("redirect:/me");
    }

    @GetMapping("/regions/{code}")
    String region(
            Caller caller,
            @PathVariable String code,
            @RequestParam(required = false) String tab,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Region region = grid.region(caller, code);
        boolean ledger = caller.can(Permission.LEDGER_READ);
        String shown = tab != null
                ? tab
                : region.level() == RegionLevel.MICRO_GRID ? (ledger ? "households" : "places") : "children";
        model.addAttribute("region", region);
        model.addAttribute("summary", grid.summary(caller, code));
        model.addAttribute("breadcrumbs", grid.breadcrumbs(caller, code));
        model.addAttribute("tab", shown);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("ledger", ledger);
        model.addAttribute("canExport", caller.can(Permission.LEDGER_EXPORT));
        switch (shown) {
            case "households" -> {
                caller.require(Permission.LEDGER_READ);
                List<PlaceView> households = grid.places(caller, code, PlaceKind.HOUSEHOLD, page, PAGE_SIZE);
                model.addAttribute("households", households);
                if (region.level() == RegionLevel.MICRO_GRID) {
                    model.addAttribute(
                            "members",
                            households.stream()
                                    .collect(java.util.stream.Collectors.toMap(
                                            PlaceView::id, h -> persons.householdMembers(caller, h.id()))));
                }
                model.addAttribute("hasNext", households.size() == PAGE_SIZE);
            }
            case "persons" -> {
                PersonPage result = persons.persons(caller, code, page, PAGE_SIZE);
                model.addAttribute("persons", result);
                model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < result.totalElements());
            }
            case "workers" -> model.addAttribute("workers", grid.gridWorkers(caller, code));
            case "places" -> {
                List<PlaceView> places = grid.places(caller, code, null, page, PAGE_SIZE * 4).stream()
                        .filter(p -> p.kind() != PlaceKind.HOUSEHOLD)
                        .toList();
                model.addAttribute("places", places);
                model.addAttribute("hasNext", false);
            }
            default -> model.addAttribute("children", grid.children(caller, code));
        }
        return "person/region";
    }

    @GetMapping("/households/{id}")
    String household(Caller caller, @PathVariable long id, Model model) {
        var household = grid.place(id)
                .filter(p -> p.kind() == PlaceKind.HOUSEHOLD)
                .orElseThrow(() -> new IllegalArgumentException("户 %d 不存在".formatted(id)));
        Region microGrid = grid.region(caller, household.microGridCode());
        model.addAttribute("household", household);
        model.addAttribute("microGrid", microGrid);
        model.addAttribute("members", persons.householdMembers(caller, id));
        return "person/household";
    }

    @GetMapping("/persons")
    String search(Caller caller, Model model) {
        caller.require(Permission.LEDGER_READ);
        model.addAttribute("query", "");
        return "person/search";
    }

    @PostMapping("/persons/search")
    String search(Caller caller, @RequestParam(defaultValue = "") String query, Model model) {
        model.addAttribute("results", persons.search(caller, query));
        model.addAttribute("searched", true);
        // A full ID or phone is not echoed back into the page.
        model.addAttribute("query", query.chars().allMatch(Character::isDigit) || query.length() >= 11 ? "" : query);
        return "person/search";
    }

    @GetMapping("/persons/{id}")
    String person(Caller caller, @PathVariable long id, Model model) {
        PersonDetail person = persons.person(caller, id);
        model.addAttribute("person", person);
        model.addAttribute("breadcrumbs", grid.breadcrumbs(caller, person.microGridCode()));
        model.addAttribute(
                "household",
                person.householdId() == null
                        ? null
                        : grid.place(person.householdId()).orElse(null));
        model.addAttribute("canUnmask", caller.can(Permission.UNMASK));
        return "person/person";
    }

    @PostMapping("/persons/{id}/unmask")
    String unmask(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("unmasked", persons.unmask(caller, id));
        return "person/fragments/unmasked :: unmasked";
    }
}
