package org.pingji.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import org.pingji.access.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of policy editions. */
@RestController
@RequestMapping("/api/policy")
@Tag(name = "Policy", description = "Prevention policy editions and which one is in force when")
class PolicyApi {

    private final PolicyEditions editions;

    PolicyApi(PolicyEditions editions) {
        this.editions = editions;
    }

    @GetMapping("/editions")
    @Operation(summary = "All editions with their measures")
    List<PolicyEdition> editions() {
        return editions.editions();
    }

    @GetMapping("/editions/{code}")
    @Operation(summary = "One edition")
    PolicyEdition edition(@PathVariable String code) {
        return editions.edition(code);
    }

    @PutMapping("/editions/{code}")
    @Operation(summary = "Replace an edition's parameters (admin; revision goes up; audited)")
    PolicyEdition update(Caller caller, @PathVariable String code, @RequestBody PolicyEdition body) {
        if (!code.equals(body.code())) {
            throw new IllegalArgumentException("code: 路径中的方案编号与正文不一致");
        }
        return editions.update(caller, body);
    }

    @GetMapping("/current")
    @Operation(summary = "The edition in force now, or at the given instant")
    PolicyEdition current(@RequestParam(required = false) Instant at) {
        return at == null ? editions.current() : editions.inForce(at);
    }

    @GetMapping("/schedule")
    @Operation(summary = "Which edition is in force from when, oldest first")
    List<PolicyEditions.ScheduleEntry> schedule() {
        return editions.schedule();
    }

    record SwitchRequest(@NotBlank String code, Instant effectiveFrom, @NotBlank String reason) {}

    @PostMapping("/schedule")
    @Operation(summary = "Put an edition in force from now or later (admin; audited)")
    PolicyEditions.ScheduleEntry switchTo(Caller caller, @Valid @RequestBody SwitchRequest r) {
        return editions.switchTo(caller, r.code(), r.effectiveFrom(), r.reason());
    }
}
