package org.pingji.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.grid.PlaceView;
import org.springframework.http.ContentDisposition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Door-to-door visit campaigns, household visits, coverage, and the merge of persons found twice. */
@RestController
@Tag(name = "Visits", description = "入户走访 (不漏一户、不落一人) and merging persons found twice")
class VisitsApi {

    private final VisitCampaigns campaigns;
    private final HouseholdVisits visits;
    private final VisitCoverage coverage;
    private final DuplicateFinder duplicates;
    private final PersonMerges merges;
    private final PersonManagement persons;

    VisitsApi(
            PersonManagement persons,
            VisitCampaigns campaigns,
            HouseholdVisits visits,
            VisitCoverage coverage,
            DuplicateFinder duplicates,
            PersonMerges merges) {
        this.campaigns = campaigns;
        this.visits = visits;
        this.coverage = coverage;
        this.duplicates = duplicates;
        this.merges = merges;
        this.persons = persons;
    }

    /** A household to visit: its members (masked) and its last visit in the campaign (null: none). */
    record HouseholdView(PlaceView household, List<PersonRow> members, HouseholdVisits.HouseholdStatus lastVisit) {}

    @GetMapping("/api/visits/campaigns/{id}/households/{householdId}")
    @Operation(summary = "A household of the campaign with its members and its last visit")
    HouseholdView household(Caller caller, @PathVariable long id, @PathVariable long householdId) {
        var household = visits.household(caller, id, householdId);
        return new HouseholdView(
                household, persons.householdMembers(caller, householdId), visits.lastVisit(id, household));
    }

    record OpenCampaign(String region, String name, LocalDate startsOn) {}

    @PostMapping("/api/visits/campaigns")
    @Operation(summary = "Open a visit campaign over a region of the caller's jurisdiction")
    VisitCampaigns.Campaign open(Caller caller, @RequestBody OpenCampaign request) {
        return campaigns.open(caller, request.region(), request.name(), request.startsOn());
    }

    @GetMapping("/api/visits/campaigns")
    @Operation(summary = "Campaigns over or inside the caller's area, latest first")
    List<VisitCampaigns.Campaign> list(Caller caller) {
        return campaigns.list(caller);
    }

    @PostMapping("/api/visits/campaigns/{id}/close")
    @Operation(summary = "Close a campaign: no visit is recorded in it afterwards (409 when closed already)")
    VisitCampaigns.Campaign close(Caller caller, @PathVariable long id) {
        return campaigns.close(caller, id);
    }

    @GetMapping("/api/visits/campaigns/current")
    @Operation(summary = "The current campaign of a micro-grid (404 when none or outside)")
    VisitCampaigns.Campaign current(Caller caller, @RequestParam String microGrid) {
        return campaigns
                .current(caller, microGrid)
                .orElseThrow(() -> new VisitNotFound("微网格 %s 当前没有走访任务".formatted(microGrid)));
    }

    @GetMapping("/api/visits/campaigns/{id}/households")
    @Operation(summary = "Households of a micro-grid with their last visit in the campaign, not visited first")
    List<HouseholdVisits.HouseholdStatus> households(
            Caller caller, @PathVariable long id, @RequestParam String microGrid) {
        return visits.households(caller, id, microGrid);
    }

    @PostMapping("/api/visits/campaigns/{id}/households/{householdId}")
    @Operation(summary = "Record a visit of a household: found, away, moved out, new phone, moved in (one transaction)")
    HouseholdVisits.Recorded record(
            Caller caller, @PathVariable long id, @PathVariable long householdId, @RequestBody VisitRequest request) {
        return visits.record(caller, id, householdId, request);
    }

    @GetMapping("/api/visits/campaigns/{id}/coverage")
    @Operation(summary = "Households visited of all, for a region and its children, and the first ones not visited")
    VisitCoverage.Coverage coverage(
            Caller caller, @PathVariable long id, @RequestParam(required = false) String region) {
        return coverage.coverage(caller, id, region);
    }

    @GetMapping("/api/visits/campaigns/{id}/unvisited.xlsx")
    @Operation(summary = "The households not visited in a region as an Excel workbook (audited)")
    void unvisited(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String region,
            HttpServletResponse response)
            throws IOException {
        writeUnvisited(coverage, caller, id, region, response);
    }

    static void writeUnvisited(
            VisitCoverage coverage, Caller caller, long id, String region, HttpServletResponse response)
            throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        coverage.export(caller, id, region, out);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename("未走访住户.xlsx", java.nio.charset.StandardCharsets.UTF_8)
                        .build()
                        .toString());
        out.writeTo(response.getOutputStream());
    }

    @GetMapping("/api/persons/duplicates")
    @Operation(summary = "Persons found twice in the caller's jurisdiction (same ID, or same name, birth date, phone)")
    List<DuplicateFinder.Pair> duplicates(Caller caller) {
        return duplicates.pairs(caller);
    }

    record MergeRequest(Long survivorId, Long duplicateId) {}

    record DismissRequest(long firstId, long secondId, String note) {}

    @PostMapping("/api/persons/duplicates/dismiss")
    @Operation(summary = "Mark a pair as two different persons (不是同一人): it is no longer offered for merging")
    Map<String, Object> dismiss(Caller caller, @RequestBody DismissRequest request) {
        duplicates.dismiss(caller, request.firstId(), request.secondId(), request.note());
        return Map.of("dismissed", true);
    }

    @PostMapping("/api/persons/merges")
    @Operation(summary = "Merge a duplicate into the survivor (hidden behind it, snapshot kept, audited)")
    PersonMerges.Merge merge(Caller caller, @RequestBody MergeRequest request) {
        if (request.survivorId() == null || request.duplicateId() == null) {
            throw new IllegalArgumentException("survivorId, duplicateId: 请选择保留的记录和合并的记录");
        }
        return merges.merge(caller, request.survivorId(), request.duplicateId());
    }

    @GetMapping("/api/persons/merges")
    @Operation(summary = "The latest merges of the caller's jurisdiction")
    List<PersonMerges.Merge> mergesList(Caller caller) {
        return merges.recent(caller);
    }

    @PostMapping("/api/persons/merges/{id}/undo")
    @Operation(summary = "Undo a merge: the duplicate is restored from the snapshot (audited)")
    PersonMerges.Merge undo(Caller caller, @PathVariable long id) {
        return merges.undo(caller, id);
    }
}
