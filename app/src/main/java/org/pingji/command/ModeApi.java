package org.pingji.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.command.CommandRequests.ScopeRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of command: mode switch. */
@RestController
@RequestMapping("/api/command")
@Tag(name = "Command", description = "Mode switch, plans, directives, daily reports, duty, drills, one-map dashboard")
class ModeApi implements CommandWeb {

    private final CommandManagement command;
    private final ModeSwitches modes;

    ModeApi(CommandManagement command, ModeSwitches modes) {
        this.command = command;
        this.modes = modes;
    }

    record ModeRequest(Mode mode, String reason, String regionCode) {}

    static Map<String, Object> mode(ModeView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scopeCode", v.scopeCode());
        m.put("mode", v.mode());
        m.put("since", v.since());
        m.put("switchedBy", v.switchedBy());
        m.put("confirmedBy", v.confirmedBy());
        m.put("reason", v.reason());
        m.put("pendingConfirmation", v.pendingConfirmation());
        m.put("pendingMode", v.pendingMode());
        m.put("pendingRequestedBy", v.pendingRequestedBy());
        m.put("pendingRequestedAt", v.pendingRequestedAt());
        return m;
    }

    @PostMapping("/mode")
    @Operation(
            summary = "Ask to switch NORMAL/EMERGENCY with a reason: in force at once, or pending until the second"
                    + " co-leader confirms (then `mode` is the requested mode and `since` is null)")
    Map<String, Object> switchMode(Caller caller, @RequestBody ModeRequest r) {
        ModeView v = command.switchMode(caller, r.mode(), r.reason(), r.regionCode());
        Map<String, Object> m = mode(v);
        if (v.pendingConfirmation()) {
            m.put("modeInForce", v.mode());
            m.put("mode", v.pendingMode());
            m.put("since", null);
        }
        return m;
    }

    @PostMapping("/mode/confirm")
    @Operation(summary = "Confirm the pending switch (a commander other than the one who asked)")
    Map<String, Object> confirm(Caller caller, @RequestBody(required = false) ScopeRequest r) {
        return mode(command.confirmMode(caller, r == null ? null : r.regionCode()));
    }

    @PostMapping("/mode/cancel")
    @Operation(summary = "Withdraw the pending switch")
    Map<String, Object> cancel(Caller caller, @RequestBody(required = false) ScopeRequest r) {
        return mode(command.cancelMode(caller, r == null ? null : r.regionCode()));
    }

    @GetMapping("/mode")
    @Operation(summary = "The mode in force (county or a township) and a pending switch, if any")
    Map<String, Object> mode(Caller caller, @RequestParam(required = false) String region) {
        return mode(command.mode(caller, region));
    }

    @GetMapping("/mode/history")
    @Operation(summary = "Switches of the scope and the townships below it, newest first")
    List<ModeSwitches.Entry> history(Caller caller, @RequestParam(required = false) String region) {
        return modes.history(caller, region);
    }
}
