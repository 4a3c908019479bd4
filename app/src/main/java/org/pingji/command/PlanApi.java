package org.pingji.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.command.CommandRequests.NoteRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of command: emergency plans, task groups, activations and tasks. */
@RestController
@RequestMapping("/api/command")
@Tag(name = "Command", description = "Mode switch, plans, directives, daily reports, duty, drills, one-map dashboard")
class PlanApi implements CommandWeb {

    private final CommandManagement command;
    private final Plans plans;

    PlanApi(CommandManagement command, Plans plans) {
        this.command = command;
        this.plans = plans;
    }

    @GetMapping("/plans")
    @Operation(summary = "Emergency plans with task groups, members, duties, contacts and first actions")
    List<PlanView> plans(Caller caller) {
        return command.plans(caller);
    }

    @PostMapping("/plans/{id}/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a task group to a plan")
    Map<String, Long> addGroup(Caller caller, @PathVariable long id, @RequestBody Plans.GroupEdit group) {
        return Map.of("id", plans.saveGroup(caller, id, null, group));
    }

    @PutMapping("/plans/{id}/groups/{groupId}")
    @Operation(summary = "Update a task group (its actions are replaced)")
    Map<String, Long> saveGroup(
            Caller caller, @PathVariable long id, @PathVariable long groupId, @RequestBody Plans.GroupEdit group) {
        return Map.of("id", plans.saveGroup(caller, id, groupId, group));
    }

    @GetMapping("/activations")
    @Operation(summary = "Plans activated by mode switches with each group's tasks and progress")
    List<ActivationView> activations(Caller caller, @RequestParam(defaultValue = "true") boolean current) {
        return command.activations(caller, current);
    }

    @PostMapping("/tasks/{id}/done")
    @Operation(summary = "Mark a task of an activated plan done")
    Map<String, Object> taskDone(Caller caller, @PathVariable long id, @RequestBody(required = false) NoteRequest r) {
        command.completeTask(caller, id, r == null ? null : r.note());
        return Map.of("id", id, "done", true);
    }
}
