package org.pingji.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.inspection.InspectionManagement.ChecklistView;
import org.pingji.inspection.InspectionManagement.ClosureView;
import org.pingji.inspection.InspectionManagement.DrawView;
import org.pingji.inspection.InspectionManagement.EntityView;
import org.pingji.inspection.InspectionManagement.GroupView;
import org.pingji.inspection.InspectionManagement.NewInspection;
import org.pingji.inspection.InspectionManagement.Recorded;
import org.pingji.inspection.InspectionManagement.Replay;
import org.pingji.inspection.InspectionManagement.Stats;
import org.pingji.inspection.InspectionManagement.ZoneView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of supervision: directories, checklists, draws, inspections, closures, statistics. */
@RestController
@RequestMapping("/api/inspection")
@Tag(name = "Inspection", description = "督查: entities in zones, 双随机 draws, inspections, closures and reopening")
class InspectionApi {

    private final InspectionManagement inspection;

    InspectionApi(InspectionManagement inspection) {
        this.inspection = inspection;
    }

    /** An entity as the API contract names its fields. */
    record EntityJson(
            long id,
            long placeId,
            String name,
            String zone,
            String category,
            int riskClass,
            String state,
            String licence) {
        static EntityJson of(EntityView e) {
            return new EntityJson(
                    e.id(), e.placeId(), e.name(), e.zone(), e.category(), e.riskClass(), e.state(), e.licence());
        }
    }

    @GetMapping("/entities")
    @Operation(summary = "Supervised entities of the jurisdiction, of a zone and category when given")
    List<EntityJson> entities(
            Caller caller,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) String category) {
        return inspection.entities(caller, zone, category).stream()
                .map(EntityJson::of)
                .toList();
    }

    record NewEntityRequest(Long placeId, String category, String licence, Integer riskClass, String zone) {}

    @PostMapping("/entities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an existing place as a supervised entity")
    EntityJson register(Caller caller, @RequestBody NewEntityRequest r) {
        if (r.placeId() == null || r.riskClass() == null) {
            throw InspectionRefused.invalid("entity_incomplete", "请填写场所和风险等级");
        }
        return EntityJson.of(
                inspection.register(caller, r.placeId(), r.category(), r.licence(), r.riskClass(), r.zone()));
    }

    @GetMapping("/entities/{id}")
    @Operation(summary = "One entity with its current closure, if any")
    Map<String, Object> entity(Caller caller, @PathVariable long id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entity", EntityJson.of(inspection.entity(caller, id)));
        m.put("closure", inspection.closure(caller, id).orElse(null));
        return m;
    }

    @GetMapping("/zones")
    @Operation(summary = "Zones (片区) with their entity counts")
    List<ZoneView> zones(Caller caller) {
        return inspection.zones(caller);
    }

    @GetMapping("/groups")
    @Operation(summary = "Inspection groups and subgroups with their members and duties")
    List<GroupView> groups(Caller caller) {
        return inspection.groups(caller);
    }

    record ConflictRequest(Long userId, Long entityId, String reason) {}

    @PostMapping("/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare an inspector's conflict of interest with an entity")
    Map<String, Object> conflict(Caller caller, @RequestBody ConflictRequest r) {
        if (r.userId() == null || r.entityId() == null) {
            throw InspectionRefused.invalid("conflict_incomplete", "请填写检查人员和督查对象");
        }
        inspection.declareConflict(caller, r.userId(), r.entityId(), r.reason());
        return Map.of("userId", r.userId(), "entityId", r.entityId());
    }

    @GetMapping("/checklists")
    @Operation(summary = "Checklists in use (newest version per category)")
    List<ChecklistView> checklists(Caller caller, @RequestParam(required = false) String category) {
        return inspection.checklists(caller, category);
    }

    record DrawRequest(String category, String zone, Double share, Long seed) {}

    @PostMapping("/draws")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A 双随机 draw: a risk-weighted share of the entities, each with a pair of inspectors")
    DrawView draw(Caller caller, @RequestBody DrawRequest r) {
        return inspection.draw(caller, r.category(), r.zone(), r.share(), r.seed());
    }

    @GetMapping("/draws/{id}")
    @Operation(summary = "An archived draw")
    DrawView drawOf(Caller caller, @PathVariable long id) {
        return inspection.drawOf(caller, id);
    }

    @PostMapping("/draws/{id}/replay")
    @Operation(summary = "Run an archived draw again; says whether the picks and the directory snapshot are the same")
    Replay replay(Caller caller, @PathVariable long id) {
        return inspection.replay(caller, id);
    }

    @PostMapping("/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an inspection (two inspectors or more); failed items become findings")
    Recorded record(Caller caller, @RequestBody NewInspection r) {
        return inspection.record(caller, r);
    }

    @PostMapping(value = "/inspections/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a photo (an image, at most 20 MB) to an inspection")
    Map<String, Object> photo(
            Caller caller,
            @PathVariable long id,
            @RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Long itemId,
            @RequestParam(required = false) String location) {
        long photo = inspection.addPhoto(caller, id, itemId, bytes(file), location);
        return Map.of("id", photo, "inspectionId", id);
    }

    record ClosureRequest(String reason, String document) {}

    @PostMapping("/entities/{id}/closures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Close (查封) an entity with the order's document; its place then refuses check-ins")
    ClosureView close(Caller caller, @PathVariable long id, @RequestBody ClosureRequest r) {
        return inspection.close(caller, id, r.reason(), r.document());
    }

    @PostMapping(value = "/entities/{id}/commitments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload the entity's commitment (承诺书): an image, PDF or video of at most 20 MB")
    Map<String, Object> commit(
            Caller caller, @PathVariable long id, @RequestPart(value = "file", required = false) MultipartFile file) {
        long commitment = inspection.commit(caller, id, file == null ? null : file.getOriginalFilename(), bytes(file));
        return Map.of("id", commitment, "entityId", id);
    }

    @PostMapping("/entities/{id}/reopen")
    @Operation(
            summary =
                    "Reopen a closed entity: refused without a commitment and a passed re-inspection after the closure")
    EntityJson reopen(Caller caller, @PathVariable long id) {
        return EntityJson.of(inspection.reopen(caller, id));
    }

    record InterviewRequest(String attendees, String agreed) {}

    @PostMapping("/entities/{id}/interviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an interview (约谈): who attended, what was agreed")
    Map<String, Object> interview(Caller caller, @PathVariable long id, @RequestBody InterviewRequest r) {
        return Map.of("id", inspection.interview(caller, id, r.attendees(), r.agreed()));
    }

    record LetterRequest(String content, LocalDate replyDue) {}

    @PostMapping("/entities/{id}/letters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a numbered supervision letter (督办函) with its reply date")
    Map<String, Object> letter(Caller caller, @PathVariable long id, @RequestBody LetterRequest r) {
        return Map.of("number", inspection.letter(caller, id, r.content(), r.replyDue()));
    }

    @GetMapping("/stats")
    @Operation(
            summary =
                    "Statistics of a region: inspections, interviews, letters, closures, reopenings, on-time rectification")
    Stats stats(Caller caller, @RequestParam(required = false) String region) {
        return inspection.stats(caller, region);
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
