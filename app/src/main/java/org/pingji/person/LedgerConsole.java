package org.pingji.person;

import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.PlaceView;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;
import org.pingji.grid.RegionMap;
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
    private final PersonSearch search;
    private final VisitCampaigns campaigns;

    LedgerConsole(GridManagement grid, PersonManagement persons, PersonSearch search, VisitCampaigns campaigns) {
        this.campaigns = campaigns;
        this.grid = grid;
        this.persons = persons;
        this.search = search;
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
        model.addAttribute(
                "canVisit",
                region.level() == RegionLevel.MICRO_GRID
                        && (caller.can(Permission.VISIT_RECORD) || caller.can(Permission.VISIT_MANAGE))
                        && (caller.role() != Role.GRID_WORKER
                                || campaigns.keptBy(caller).contains(code)));
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

    /** The region's map for its page (session-authenticated, unlike {@code /api}): children's boundaries. */
    @GetMapping(value = "/regions/{code}/map.json", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    RegionMap map(Caller caller, @PathVariable String code) {
        return grid.map(caller, code);
    }

    @GetMapping("/households/{id}")
    String household(Caller caller, @PathVariable long id, Model model) {
        var household = grid.place(id)
                .filter(p -> p.kind() == PlaceKind.HOUSEHOLD)
                .orElseThrow(() -> new IllegalArgumentException("户 %d 不存在".formatted(id)));
        Region microGrid = grid.region(caller, household.microGridCode());
        model.addAttribute("household", household);
        model.addAttribute("microGrid", microGrid);
        model.addAttribute("breadcrumbs", grid.breadcrumbs(caller, microGrid.code()));
        model.addAttribute("members", persons.householdMembers(caller, id));
        return "person/household";
    }

    /** The search form's fields (all optional); the query part is an ID, a phone or a name prefix. */
    record SearchForm(String query, String region, String sex, Integer ageFrom, Integer ageTo, String residence) {

        PersonSearch.Criteria criteria() {
            if ((ageFrom != null && ageFrom < 0) || (ageTo != null && ageTo < 0)) {
                throw new IllegalArgumentException("年龄不能为负数");
            }
            if (ageFrom != null && ageTo != null && ageFrom > ageTo) {
                throw new IllegalArgumentException("年龄范围有误：%d 岁大于 %d 岁".formatted(ageFrom, ageTo));
            }
            ResidenceKind kind = residence == null || residence.isBlank()
                    ? null
                    : ResidenceKind.parse(residence)
                            .orElseThrow(() -> new IllegalArgumentException("未知的居住类型：" + residence));
            return new PersonSearch.Criteria(query, region, sex, ageFrom, ageTo, kind);
        }

        /** The form as URL parameters, for the pager and the export (never with an ID or phone). */
        String parameters() {
            var uri = org.springframework.web.util.UriComponentsBuilder.newInstance();
            java.util.function.BiConsumer<String, Object> add = (name, value) -> {
                if (value != null && !value.toString().isBlank()) {
                    uri.queryParam(name, value);
                }
            };
            add.accept("query", query);
            add.accept("region", region);
            add.accept("sex", sex);
            add.accept("ageFrom", ageFrom);
            add.accept("ageTo", ageTo);
            add.accept("residence", residence);
            return uri.encode().build().getQuery();
        }
    }

    @GetMapping("/persons")
    String search(Caller caller, SearchForm form, @RequestParam(defaultValue = "0") int page, Model model) {
        caller.require(Permission.LEDGER_READ);
        model.addAttribute("form", form);
        model.addAttribute("regions", grid.regionTree(caller, RegionLevel.VILLAGE));
        model.addAttribute("residences", ResidenceKind.values());
        model.addAttribute("canExport", caller.can(Permission.LEDGER_EXPORT));
        try {
            PersonSearch.Criteria criteria = form.criteria();
            if (!criteria.isEmpty() && !criteria.identifying()) {
                model.addAttribute("result", search.search(caller, criteria, page));
                model.addAttribute("parameters", form.parameters());
            }
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "person/search";
    }

    /**
     * The form posts, so that a resident ID or phone never appears in a URL: such a query is
     * answered here, anything else goes to the pageable {@code GET /persons}.
     */
    @PostMapping("/persons/search")
    String search(Caller caller, SearchForm form, Model model) {
        PersonSearch.Criteria criteria;
        try {
            criteria = form.criteria();
        } catch (IllegalArgumentException e) {
            return search(caller, form, 0, model);
        }
        if (!criteria.identifying()) {
            String parameters = form.parameters();
            return "redirect:/persons" + (parameters == null ? "" : "?" + parameters);
        }
        caller.require(Permission.LEDGER_READ);
        model.addAttribute(
                "form", new SearchForm("", form.region(), form.sex(), form.ageFrom(), form.ageTo(), form.residence()));
        model.addAttribute("regions", grid.regionTree(caller, RegionLevel.VILLAGE));
        model.addAttribute("residences", ResidenceKind.values());
        model.addAttribute("canExport", false);
        model.addAttribute("result", search.search(caller, criteria, 0));
        return "person/search";
    }

    @GetMapping("/persons/export.xlsx")
    void export(Caller caller, SearchForm form, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        PersonSearch.Criteria criteria = form.criteria();
        var out = new java.io.ByteArrayOutputStream();
        search.export(caller, criteria, out);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                org.springframework.http.ContentDisposition.attachment()
                        .filename("人员查询结果.xlsx", java.nio.charset.StandardCharsets.UTF_8)
                        .build()
                        .toString());
        out.writeTo(response.getOutputStream());
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
