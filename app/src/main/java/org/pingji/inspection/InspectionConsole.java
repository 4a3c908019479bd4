package org.pingji.inspection;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.inspection.InspectionManagement.ChecklistView;
import org.pingji.inspection.InspectionManagement.EntityView;
import org.pingji.inspection.InspectionManagement.Member;
import org.pingji.inspection.InspectionManagement.NewInspection;
import org.pingji.inspection.InspectionManagement.Recorded;
import org.pingji.inspection.InspectionManagement.Result;
import org.pingji.platform.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The supervision pages: statistics and directories, draws, and the inspector's phone page. */
@Controller
class InspectionConsole {

    private final InspectionManagement inspection;
    private final Draws draws;
    private final Directory directory;

    InspectionConsole(InspectionManagement inspection, Draws draws, Directory directory) {
        this.inspection = inspection;
        this.draws = draws;
        this.directory = directory;
    }

    @GetMapping("/inspection")
    String overview(
            Caller caller,
            @RequestParam(defaultValue = "stats") String tab,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) String category,
            Model model) {
        model.addAttribute("tab", tab);
        model.addAttribute("canInspect", caller.can(Permission.INSPECT));
        model.addAttribute("stats", inspection.stats(caller, null));
        model.addAttribute("zones", inspection.zones(caller));
        switch (tab) {
            case "entities" -> {
                List<EntityView> entities = inspection.entities(caller, zone, category);
                model.addAttribute("entityCount", entities.size());
                model.addAttribute("entities", entities.subList(0, Math.min(200, entities.size())));
                model.addAttribute("zone", zone);
                model.addAttribute("category", category);
                model.addAttribute(
                        "categories", Directory.CATEGORIES.stream().sorted().toList());
            }
            case "groups" -> model.addAttribute("groups", inspection.groups(caller));
            case "checklists" -> model.addAttribute("checklists", inspection.checklists(caller, null));
            default -> model.addAttribute("zoneStats", inspection.zoneStats(caller));
        }
        return "inspection/overview";
    }

    @GetMapping("/inspection/draws")
    String draws(Caller caller, Model model) {
        model.addAttribute("zones", inspection.zones(caller));
        model.addAttribute("categories", Directory.CATEGORIES.stream().sorted().toList());
        model.addAttribute("recent", inspection.recentDraws(caller));
        model.addAttribute("canDraw", caller.can(Permission.INSPECTION_MANAGE));
        return "inspection/draws";
    }

    @PostMapping("/inspection/draws")
    String draw(
            Caller caller,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) Double percent,
            @RequestParam(required = false) Long seed,
            Model model) {
        try {
            var drawn = inspection.draw(caller, category, zone, percent == null ? null : percent / 100, seed);
            return "redirect:/inspection/draws/" + drawn.id();
        } catch (Refusal r) {
            model.addAttribute("error", r.getMessage());
            return draws(caller, model);
        }
    }

    @GetMapping("/inspection/draws/{id}")
    String drawn(Caller caller, @PathVariable long id, @RequestParam(required = false) Boolean replay, Model model) {
        model.addAttribute("draw", inspection.drawOf(caller, id));
        model.addAttribute("names", names());
        if (Boolean.TRUE.equals(replay)) {
            model.addAttribute("replay", inspection.replay(caller, id));
        }
        return "inspection/draw";
    }

    private Map<Long, String> names() {
        Map<Long, String> names = new java.util.HashMap<>();
        directory.inspectors(null).values().forEach(m -> names.put(m.userId(), m.name()));
        return names;
    }

    @GetMapping("/inspection/today")
    String today(Caller caller, Model model) {
        inspection.zones(caller); // reading permission; only inspectors have assignments
        model.addAttribute("assignments", caller.can(Permission.INSPECT) ? draws.assignments(caller) : List.of());
        return "inspection/today";
    }

    @GetMapping("/inspection/record")
    String form(Caller caller, @RequestParam long entity, Model model) {
        caller.require(Permission.INSPECT);
        EntityView e = inspection.entity(caller, entity);
        model.addAttribute("entity", e);
        model.addAttribute(
                "checklist", inspection.checklists(caller, e.category()).getFirst());
        List<Member> others = new ArrayList<>(directory.inspectors(null).values());
        others.removeIf(m -> m.userId() == caller.userId());
        model.addAttribute("others", others);
        model.addAttribute("partner", draws.partnerOf(caller, entity));
        return "inspection/record";
    }

    @PostMapping("/inspection/record")
    String record(
            Caller caller,
            @RequestParam long entity,
            @RequestParam(required = false) Long partner,
            @RequestParam Map<String, String> form,
            @RequestParam(value = "photo", required = false) List<MultipartFile> photos,
            Model model) {
        caller.require(Permission.INSPECT);
        EntityView e = inspection.entity(caller, entity);
        ChecklistView checklist = inspection.checklists(caller, e.category()).getFirst();
        List<Result> results = new ArrayList<>();
        for (var item : checklist.items()) {
            String outcome = form.get("outcome-" + item.id());
            if (outcome != null && !outcome.isBlank()) {
                results.add(new Result(item.id(), outcome, form.get("note-" + item.id())));
            }
        }
        List<Long> inspectors = new ArrayList<>(List.of(caller.userId()));
        if (partner != null) {
            inspectors.add(partner);
        }
        try {
            Recorded recorded = inspection.record(
                    caller,
                    new NewInspection(
                            e.id(),
                            checklist.id(),
                            inspectors,
                            (OffsetDateTime) null,
                            results,
                            null,
                            form.get("location"),
                            null));
            int stored = 0;
            for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
                if (!photo.isEmpty()) {
                    inspection.addPhoto(caller, recorded.id(), null, InspectionApi.bytes(photo), form.get("location"));
                    stored++;
                }
            }
            String data = form.get("photoData");
            if (data != null && data.startsWith("data:image/") && data.contains(",")) {
                byte[] bytes = java.util.Base64.getDecoder().decode(data.substring(data.indexOf(',') + 1));
                inspection.addPhoto(caller, recorded.id(), null, bytes, form.get("location"));
                stored++;
            }
            model.addAttribute("entity", e);
            model.addAttribute("recorded", recorded);
            model.addAttribute("photos", stored);
            model.addAttribute("items", Inspections.itemsById(checklist));
            return "inspection/recorded";
        } catch (Refusal r) {
            model.addAttribute("error", r.getMessage());
            return form(caller, entity, model);
        }
    }
}
