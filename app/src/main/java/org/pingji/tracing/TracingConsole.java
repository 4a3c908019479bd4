package org.pingji.tracing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.person.PersonNotFound;
import org.pingji.platform.QrCodes;
import org.pingji.quarantine.QuarantineRefused;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Console pages of tracing (Chinese): cases with timers, a case's investigation, chains, venues and check-ins. */
@Controller
class TracingConsole {

    private final TracingManagement tracing;
    private final CheckIns checkIns;
    private final Chains chains;
    private final GridManagement grid;
    private final TracingSettings settings;

    TracingConsole(
            TracingManagement tracing,
            CheckIns checkIns,
            Chains chains,
            GridManagement grid,
            TracingSettings settings) {
        this.tracing = tracing;
        this.checkIns = checkIns;
        this.chains = chains;
        this.grid = grid;
        this.settings = settings;
    }

    @GetMapping("/tracing")
    String cases(Caller caller, Model model) {
        model.addAttribute("cases", tracing.cases(caller));
        model.addAttribute("zone", settings.zone());
        return "tracing/cases";
    }

    @PostMapping("/tracing/cases")
    String create(
            Caller caller,
            @RequestParam(required = false) Long personId,
            @RequestParam String classification,
            @RequestParam(required = false) LocalDateTime confirmedAt,
            @RequestParam(required = false) LocalDateTime onsetAt,
            RedirectAttributes flash) {
        try {
            if (personId == null) {
                throw new IllegalArgumentException("personId: 请填写人员编号");
            }
            long id = tracing.createCase(caller, personId, instant(confirmedAt), classification, instant(onsetAt));
            return "redirect:/tracing/cases/" + id;
        } catch (IllegalArgumentException | TracingRefused | PersonNotFound e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/tracing";
        }
    }

    @GetMapping("/tracing/cases/{id}")
    String caseOf(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("c", tracing.caseOf(caller, id));
        model.addAttribute("itinerary", tracing.itinerary(caller, id));
        model.addAttribute("contacts", tracing.contacts(caller, id));
        model.addAttribute("candidates", checkIns.exposures(caller, id));
        model.addAttribute("window", settings.exposureWindow().toMinutes());
        model.addAttribute("zone", settings.zone());
        return "tracing/case";
    }

    @PostMapping("/tracing/cases/{id}/milestones/{step}")
    String complete(
            Caller caller, @PathVariable long id, @PathVariable TracingManagement.Step step, RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            tracing.complete(caller, id, step);
            return step.label() + " 已完成";
        });
    }

    @PostMapping("/tracing/cases/{id}/itinerary")
    String itinerary(
            Caller caller,
            @PathVariable long id,
            @RequestParam String placeCode,
            @RequestParam(required = false) LocalDateTime from,
            @RequestParam(required = false) LocalDateTime to,
            RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            var place = checkIns.place(placeCode);
            tracing.addItinerary(caller, id, place.id(), instant(from), instant(to));
            return "已添加行程：" + place.name();
        });
    }

    @PostMapping("/tracing/cases/{id}/contacts")
    String contact(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) Long personId,
            @RequestParam String kind,
            @RequestParam(required = false) LocalDateTime exposedAt,
            @RequestParam String setting,
            RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            if (personId == null) {
                throw new IllegalArgumentException("personId: 请填写人员编号");
            }
            var listed = tracing.listContact(caller, id, personId, kind, instant(exposedAt), setting, "MANUAL");
            return listed.placementId() == null
                    ? "已登记接触者（现行方案无需隔离）"
                    : "已登记接触者并安排%s #%d%s"
                            .formatted(
                                    "CENTRAL".equals(listed.placementKind()) ? "集中隔离" : "居家隔离",
                                    listed.placementId(),
                                    listed.room() == null ? "" : "，房间 " + listed.room());
        });
    }

    @PostMapping("/tracing/cases/{id}/contacts/{personId}/clear")
    String clear(Caller caller, @PathVariable long id, @PathVariable long personId, RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            tracing.clearContact(caller, id, personId);
            return "已解除接触者管理";
        });
    }

    @PostMapping("/tracing/cases/{id}/exposures/{personId}")
    String review(
            Caller caller,
            @PathVariable long id,
            @PathVariable long personId,
            @RequestParam String decision,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            checkIns.review(caller, id, personId, decision, note);
            return "CONFIRMED".equals(decision) ? "已确认为密接并安排隔离" : "已排除";
        });
    }

    /** A node placed on the chain drawing: generation rows, left to right. */
    record Drawn(TracingViews.Node node, int x, int y) {}

    record Line(int x1, int y1, int x2, int y2, String kind) {}

    @GetMapping("/tracing/clusters/{id}")
    String chain(Caller caller, @PathVariable long id, Model model) {
        var chain = chains.chain(caller, id);
        Map<Integer, Integer> perDepth = new HashMap<>();
        Map<String, Drawn> drawn = new HashMap<>();
        List<Drawn> nodes = new ArrayList<>();
        for (var n : chain.nodes()) {
            int column = perDepth.merge(n.depth(), 1, Integer::sum) - 1;
            Drawn d = new Drawn(n, 20 + column * 130, 20 + n.depth() * 90);
            drawn.put(n.id(), d);
            nodes.add(d);
        }
        List<Line> lines = chain.edges().stream()
                .map(e -> new Line(
                        drawn.get(e.from()).x() + 55,
                        drawn.get(e.from()).y() + 40,
                        drawn.get(e.to()).x() + 55,
                        drawn.get(e.to()).y(),
                        e.kind()))
                .toList();
        model.addAttribute("chain", chain);
        model.addAttribute("nodes", nodes);
        model.addAttribute("lines", lines);
        model.addAttribute(
                "width",
                40
                        + 130
                                * perDepth.values().stream()
                                        .mapToInt(Integer::intValue)
                                        .max()
                                        .orElse(1));
        model.addAttribute(
                "height",
                80
                        + 90
                                * perDepth.keySet().stream()
                                        .mapToInt(Integer::intValue)
                                        .max()
                                        .orElse(0));
        return "tracing/chain";
    }

    @GetMapping("/tracing/venues")
    String venues(Caller caller, @RequestParam(required = false) String region, Model model) {
        String code = region == null || region.isBlank()
                ? grid.topRegions(caller).stream()
                        .findFirst()
                        .map(r -> r.code())
                        .orElseThrow()
                : region.trim();
        model.addAttribute("region", grid.region(caller, code));
        model.addAttribute("venues", grid.places(caller, code, PlaceKind.VENUE, 0, 500));
        return "tracing/venues";
    }

    @GetMapping("/tracing/venues/{code}")
    String poster(@PathVariable String code, Model model) {
        var place = checkIns.place(code);
        model.addAttribute("place", place);
        model.addAttribute("link", checkInLink(place.placeCode()));
        return "tracing/poster";
    }

    @GetMapping(value = "/tracing/venues/{code}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@PathVariable String code) {
        var place = checkIns.place(code);
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(checkInLink(place.placeCode())));
    }

    @GetMapping("/tracing/checkin")
    String staffCheckIn(Caller caller, Model model) {
        caller.require(Permission.CHECK_IN);
        return "tracing/checkin";
    }

    @PostMapping("/tracing/checkin")
    String staffCheckIn(
            Caller caller,
            @RequestParam String placeCode,
            @RequestParam(required = false) Long personId,
            RedirectAttributes flash) {
        try {
            if (personId == null) {
                throw new IllegalArgumentException("personId: 请扫描或填写人员编号");
            }
            checkIns.checkIn(caller, placeCode, personId, null);
            flash.addFlashAttribute(
                    "message",
                    "已登记：人员 %d 于 %s"
                            .formatted(personId, checkIns.place(placeCode).name()));
        } catch (IllegalArgumentException | CaseNotFound | PersonNotFound e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        flash.addFlashAttribute("placeCode", placeCode);
        return "redirect:/tracing/checkin";
    }

    private String attempt(long id, RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (IllegalArgumentException | TracingRefused | QuarantineRefused | PersonNotFound | CaseNotFound e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tracing/cases/" + id;
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(settings.zone()).toInstant();
    }

    static String checkInLink(String placeCode) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/c/{code}")
                .buildAndExpand(placeCode)
                .toUriString();
    }
}
