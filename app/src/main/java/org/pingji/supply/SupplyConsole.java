package org.pingji.supply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.platform.Refusal;
import org.pingji.supply.SupplyViews.Line;
import org.pingji.supply.SupplyViews.NewRequisition;
import org.pingji.supply.SupplyViews.Received;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of supplies (Chinese): stock, warehouses, suppliers, forecast, requisitions, pick list, the requester's page. */
@Controller
class SupplyConsole {

    private final SupplyManagement supply;

    SupplyConsole(SupplyManagement supply) {
        this.supply = supply;
    }

    @GetMapping("/supply")
    String overview(
            Caller caller,
            @RequestParam(defaultValue = "stock") String tab,
            @RequestParam(required = false) String category,
            Model model) {
        model.addAttribute("tab", tab);
        model.addAttribute("category", category);
        model.addAttribute("categories", supply.categories(caller));
        switch (tab) {
            case "warehouses" -> model.addAttribute("warehouses", supply.warehouses(caller, null));
            case "suppliers" -> model.addAttribute("suppliers", supply.suppliers(caller));
            case "forecast" -> model.addAttribute("forecast", supply.forecast(caller, null));
            default -> model.addAttribute("rows", supply.overview(caller, null, category));
        }
        return "supply/overview";
    }

    @GetMapping("/supply/items/{id}")
    String item(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("stock", supply.stock(caller, id, null));
        model.addAttribute("canManage", caller.can(Permission.SUPPLY_MANAGE));
        return "supply/item";
    }

    @PostMapping("/supply/write-off")
    String writeOff(
            Caller caller,
            @RequestParam long itemId,
            @RequestParam long warehouseId,
            @RequestParam long lotId,
            RedirectAttributes flash) {
        try {
            BigDecimal q = supply.writeOff(caller, warehouseId, lotId, null);
            flash.addFlashAttribute("message", "已报废 " + q.stripTrailingZeros().toPlainString());
        } catch (Refusal e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/supply/items/" + itemId;
    }

    @GetMapping("/supply/requisitions")
    String requisitions(Caller caller, @RequestParam(required = false) String state, Model model) {
        model.addAttribute("requisitions", supply.requisitions(caller, state));
        model.addAttribute("state", state);
        return "supply/requisitions";
    }

    @GetMapping("/supply/requisitions/{id}")
    String requisition(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("d", supply.requisition(caller, id));
        model.addAttribute("canManage", caller.can(Permission.SUPPLY_MANAGE));
        model.addAttribute("canApprove", caller.can(Permission.SUPPLY_APPROVE));
        model.addAttribute("canRequest", caller.can(Permission.SUPPLY_REQUEST));
        return "supply/requisition";
    }

    @GetMapping("/supply/requisitions/{id}/pick-list")
    String pickList(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("d", supply.requisition(caller, id));
        return "supply/pick-list";
    }

    @PostMapping("/supply/requisitions/{id}/{step}")
    String step(
            Caller caller,
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam Map<String, String> form,
            RedirectAttributes flash) {
        try {
            String message =
                    switch (step) {
                        case "approve" -> {
                            var a = supply.approve(caller, id);
                            yield a.pending() == 0 ? "审批完成" : "已审批，待第二级审批";
                        }
                        case "allocate" -> {
                            var a = supply.allocate(caller, id);
                            yield "已配货 %d 条拣货记录%s"
                                    .formatted(
                                            a.picks().size(),
                                            a.shortfalls().isEmpty()
                                                    ? ""
                                                    : "，有缺口 " + a.shortfalls().size() + " 项");
                        }
                        case "dispatch" -> {
                            supply.dispatch(caller, id, form.get("vehicle"), form.get("driver"));
                            yield "已发运";
                        }
                        case "receive" -> {
                            List<Received> lines = new ArrayList<>();
                            form.forEach((k, v) -> {
                                if (k.startsWith("r.") && v != null && !v.isBlank()) {
                                    lines.add(new Received(Long.valueOf(k.substring(2)), new BigDecimal(v.strip())));
                                }
                            });
                            int flagged = supply.confirmReceipt(caller, id, lines);
                            yield flagged == 0 ? "已确认收货" : "已确认收货，%d 项数量不符".formatted(flagged);
                        }
                        default -> throw SupplyRefused.notFound("操作 " + step);
                    };
            flash.addFlashAttribute("message", message);
        } catch (Refusal | NumberFormatException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/supply/requisitions/" + id;
    }

    @GetMapping("/supply/request")
    String requestPage(Caller caller, Model model) {
        model.addAttribute("items", supply.items(caller, null));
        model.addAttribute(
                "mine", supply.requisitions(caller, null).stream().limit(20).toList());
        model.addAttribute("region", caller.jurisdictionCode());
        return "supply/request";
    }

    @PostMapping("/supply/request")
    String request(
            Caller caller,
            @RequestParam(required = false) List<Long> itemId,
            @RequestParam(required = false) List<String> quantity,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean emergency,
            RedirectAttributes flash) {
        try {
            List<Line> lines = new ArrayList<>();
            for (int i = 0; itemId != null && i < itemId.size(); i++) {
                String q = quantity == null || i >= quantity.size() ? "" : quantity.get(i);
                if (itemId.get(i) != null && !q.isBlank()) {
                    lines.add(new Line(itemId.get(i), new BigDecimal(q.strip())));
                }
            }
            var created = supply.request(caller, new NewRequisition(caller.jurisdictionCode(), lines, emergency, note));
            flash.addFlashAttribute("message", "已提交申领单 #" + created.id());
            return "redirect:/supply/requisitions/" + created.id();
        } catch (Refusal | NumberFormatException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/supply/request";
        }
    }
}
