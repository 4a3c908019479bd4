package org.pingji.checkpoint;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.PlaceKind;
import org.pingji.status.ReasonCode;
import org.pingji.status.StatusCodes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Console pages: the checkpoint list, the desk (phone/tablet) and the transfers. */
@Controller
class CheckpointConsole {

    private final Checkpoints checkpoints;
    private final Transfers transfers;
    private final StatusCodes codes;
    private final GridManagement grid;
    private final JsonMapper json;
    private final java.time.Clock clock;

    CheckpointConsole(
            Checkpoints checkpoints,
            Transfers transfers,
            StatusCodes codes,
            GridManagement grid,
            JsonMapper json,
            java.time.Clock clock) {
        this.checkpoints = checkpoints;
        this.transfers = transfers;
        this.codes = codes;
        this.grid = grid;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/checkpoints")
    String list(Caller caller, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(Checkpoints.BEIJING));
        var list = checkpoints.checkpoints(caller);
        model.addAttribute("checkpoints", list);
        model.addAttribute(
                "counts",
                list.stream()
                        .map(c -> checkpoints.counts(caller, c.id(), today))
                        .toList());
        model.addAttribute("open", transfers.transfers(caller, true).size());
        return "checkpoint/list";
    }

    /** A checkpoint worker's desk: the one checkpoint of their jurisdiction, or the list to pick from. */
    @GetMapping("/checkpoints/desk")
    String myDesk(Caller caller) {
        var list = checkpoints.checkpoints(caller);
        return list.size() == 1 ? "redirect:/checkpoints/" + list.getFirst().id() : "redirect:/checkpoints";
    }

    @GetMapping("/checkpoints/{id}")
    String desk(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("cp", checkpoints.checkpoint(caller, id));
        model.addAttribute(
                "counts", checkpoints.counts(caller, id, LocalDate.now(clock.withZone(Checkpoints.BEIJING))));
        model.addAttribute("recent", checkpoints.recent(caller, id, 10));
        model.addAttribute("checkId", UUID.randomUUID().toString());
        model.addAttribute("canCheck", caller.can(Permission.CHECKPOINT_CHECK));
        model.addAttribute("keysJson", json.writeValueAsString(codes.publicKeys()));
        model.addAttribute(
                "reasonCodesJson",
                json.writeValueAsString(
                        Arrays.stream(ReasonCode.values()).map(Enum::name).toList()));
        model.addAttribute(
                "reasonLabelsJson",
                json.writeValueAsString(Arrays.stream(ReasonCode.values())
                        .map(ReasonCode::label)
                        .toList()));
        return "checkpoint/desk";
    }

    @PostMapping("/checkpoints/{id}/check")
    String check(
            Caller caller,
            @PathVariable long id,
            @RequestParam String checkId,
            @RequestParam String codes,
            @RequestParam(required = false) String plate,
            @RequestParam(defaultValue = "false") boolean selfDrive,
            @RequestParam(required = false) Integer passengers,
            @RequestParam(required = false) String origin,
            RedirectAttributes flash) {
        try {
            List<String> entries = Arrays.stream(codes.split("[\\r\\n]+"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            CheckResult result = checkpoints.check(
                    caller,
                    id,
                    new Checkpoints.CheckRequest(
                            checkId,
                            entries,
                            plate,
                            selfDrive,
                            passengers,
                            origin == null || origin.isBlank() ? null : origin,
                            null));
            flash.addFlashAttribute("result", result);
        } catch (IllegalArgumentException | CheckRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/checkpoints/" + id;
    }

    @GetMapping("/transfers")
    String transfers(Caller caller, Model model) {
        model.addAttribute("transfers", transfers.transfers(caller, false));
        model.addAttribute("sites", grid.sitesIn("141029", PlaceKind.QUARANTINE_SITE));
        model.addAttribute("canHandle", caller.can(Permission.TRANSFER_HANDLE));
        return "checkpoint/transfers";
    }

    @PostMapping("/transfers/{id}/assign")
    String assign(
            Caller caller,
            @PathVariable long id,
            @RequestParam String kind,
            @RequestParam(required = false) Long siteId,
            @RequestParam(required = false) String address,
            @RequestParam String vehicle,
            @RequestParam String escort,
            RedirectAttributes flash) {
        try {
            transfers.assign(
                    caller, id, kind, "QUARANTINE_SITE".equals(kind) ? siteId : null, address, vehicle, escort);
            flash.addFlashAttribute("message", "转运 #%d 已派车".formatted(id));
        } catch (IllegalArgumentException | CheckRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/transfers";
    }

    @PostMapping("/transfers/{id}/receipt")
    String receipt(
            Caller caller,
            @PathVariable long id,
            @RequestParam String end,
            @RequestParam String counterpart,
            RedirectAttributes flash) {
        try {
            transfers.receipt(caller, id, end, counterpart);
            flash.addFlashAttribute("message", "转运 #%d 已签收".formatted(id));
        } catch (IllegalArgumentException | CheckRefused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/transfers";
    }
}
