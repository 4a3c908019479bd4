package org.pingji.tracing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The phone page a venue's QR place code opens: the visitor checks in with their resident ID; no login. */
@Controller
class CheckInPhone {

    private final CheckIns checkIns;

    CheckInPhone(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @GetMapping("/c/{code}")
    String page(@PathVariable String code, Model model) {
        var place = checkIns.place(code);
        model.addAttribute("place", place);
        model.addAttribute("closedReason", checkIns.closedReason(place.id()).orElse(null));
        return "tracing/phone-checkin";
    }

    @PostMapping("/c/{code}")
    String checkIn(@PathVariable String code, @RequestParam(required = false) String residentId, Model model) {
        try {
            model.addAttribute("message", "%s 已扫码登记".formatted(checkIns.selfCheckIn(code, residentId)));
        } catch (IllegalArgumentException | PlaceClosed e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(code, model);
    }
}
