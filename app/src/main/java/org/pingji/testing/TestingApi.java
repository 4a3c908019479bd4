package org.pingji.testing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of mass testing. */
@RestController
@RequestMapping("/api/testing")
@Tag(name = "Testing", description = "Rounds, sampling tables, scans, tubes, boxes, lab results, coverage and recall")
class TestingApi {

    static final int MAX_SCANS_PER_REQUEST = 500;

    private final TestingManagement testing;
    private final ResultFiles files;

    TestingApi(TestingManagement testing, ResultFiles files) {
        this.testing = testing;
        this.files = files;
    }

    record RoundRequest(
            @NotBlank String name,
            @NotEmpty List<String> regionCodes,
            @NotNull Integer poolSize,
            @NotNull Instant deadline,
            Boolean drill,
            Integer drillPoints) {}

    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a round over regions with a pool size (1, 5, 10, 20) and a deadline; opens their tables")
    Map<String, Long> open(Caller caller, @Valid @RequestBody RoundRequest r) {
        return Map.of(
                "id",
                testing.openRound(
                        caller,
                        new NewRound(
                                r.name(),
                                r.regionCodes(),
                                r.poolSize(),
                                r.deadline(),
                                Boolean.TRUE.equals(r.drill()),
                                r.drillPoints())));
    }

    @GetMapping("/rounds")
    @Operation(summary = "Rounds whose area overlaps the caller's jurisdiction, newest first")
    List<RoundView> rounds(Caller caller) {
        return testing.rounds(caller);
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "One round")
    RoundView round(Caller caller, @PathVariable long id) {
        return testing.round(caller, id);
    }

    @PostMapping("/rounds/{id}/close")
    @Operation(summary = "Close a round: no more scans; results may still arrive")
    Map<String, String> close(Caller caller, @PathVariable long id) {
        testing.closeRound(caller, id);
        return Map.of("status", "CLOSED");
    }

    @GetMapping("/tables")
    @Operation(summary = "The sampling tables open for a round (in the caller's jurisdiction) with their samplers")
    List<TableView> tables(Caller caller, @RequestParam long round) {
        return testing.tables(caller, round);
    }

    record SamplerRequest(@NotBlank String username) {}

    @PostMapping("/tables/{id}/samplers")
    @Operation(summary = "Assign a sampler to a table")
    Map<String, String> assign(Caller caller, @PathVariable long id, @Valid @RequestBody SamplerRequest request) {
        testing.assignSampler(caller, id, request.username());
        return Map.of("assigned", request.username());
    }

    record OnSiteRegistration(@NotBlank String name, @NotBlank String residentId, String phone) {}

    @PostMapping("/tables/{id}/persons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register on the spot someone the ledger does not know (non-resident of the table's micro-grid)")
    Map<String, Long> registerAtTable(Caller caller, @PathVariable long id, @Valid @RequestBody OnSiteRegistration r) {
        return Map.of("personId", testing.registerAtTable(caller, id, r.name(), r.residentId(), r.phone()));
    }

    @PostMapping("/scans")
    @Operation(summary = "Submit scans (at most 500): each answers ACCEPTED, DUPLICATE (a replayed scanId) or REJECTED")
    List<ScanOutcome> scans(Caller caller, @RequestBody List<Scan> scans) {
        if (scans.size() > MAX_SCANS_PER_REQUEST) {
            throw new TestingRefused("一次最多提交 %d 条扫码，本次 %d 条".formatted(MAX_SCANS_PER_REQUEST, scans.size()));
        }
        return testing.scan(caller, scans);
    }

    @PostMapping("/tubes/{barcode}/seal")
    @Operation(summary = "Seal an open tube")
    Map<String, String> seal(Caller caller, @PathVariable String barcode) {
        return Map.of("message", testing.seal(caller, barcode));
    }

    record BoxRequest(
            @NotBlank String barcode, @NotNull Long roundId, @NotEmpty List<String> tubeBarcodes, String location) {}

    @PostMapping("/boxes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pack sealed tubes into a transport box")
    Map<String, Integer> pack(Caller caller, @Valid @RequestBody BoxRequest r) {
        return Map.of("tubes", testing.packBox(caller, r.barcode(), r.roundId(), r.tubeBarcodes(), r.location()));
    }

    record Handover(String location) {}

    @PostMapping("/boxes/{barcode}/handover")
    @Operation(summary = "Record that a box left for the lab")
    List<CustodyEntry> handOver(
            Caller caller, @PathVariable String barcode, @RequestBody(required = false) Handover h) {
        testing.handOverBox(caller, barcode, h == null ? null : h.location());
        return testing.custody(barcode);
    }

    @PostMapping("/boxes/{barcode}/receive")
    @Operation(summary = "The lab scans a box in; its tubes are received")
    List<CustodyEntry> receive(Caller caller, @PathVariable String barcode, @RequestBody(required = false) Handover h) {
        testing.receiveBox(caller, barcode, h == null ? null : h.location());
        return testing.custody(barcode);
    }

    @GetMapping("/boxes/{barcode}/custody")
    @Operation(summary = "A box's chain of custody")
    List<CustodyEntry> custody(@PathVariable String barcode) {
        return testing.custody(barcode);
    }

    @PostMapping("/results")
    @Operation(summary = "Report tube results; each answers APPLIED, REPEATED, CONFLICT (kept for review) or REJECTED")
    List<ResultOutcome> results(Caller caller, @RequestBody List<ResultReport> reports) {
        return testing.recordResults(caller, reports, false);
    }

    @PostMapping("/results/upload")
    @Operation(summary = "Upload results as XLSX or CSV (条码/试管条码, 结果, Ct值, 报告时间); any bad row rejects the file (422)")
    ResponseEntity<ResultFiles.UploadReport> upload(Caller caller, @RequestParam("file") MultipartFile file)
            throws IOException {
        var report = files.upload(caller, file);
        return ResponseEntity.status(report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(report);
    }

    @GetMapping("/rounds/{id}/coverage")
    @Operation(summary = "Coverage of a round in a region: registered, sampled, resulted, positives, not sampled")
    Coverage coverage(Caller caller, @PathVariable long id, @RequestParam String region) {
        return testing.coverage(caller, id, region);
    }

    @GetMapping("/rounds/{id}/recall")
    @Operation(
            summary =
                    "Persons recalled in a region: positive-pool members (single retest) and invalid tubes (resample)")
    List<RecallEntry> recall(Caller caller, @PathVariable long id, @RequestParam String region) {
        return testing.recall(caller, id, region);
    }

    @GetMapping("/rounds/{id}/not-sampled")
    @Operation(summary = "Persons of a region not yet sampled, with recorded reasons (at most 5,000)")
    List<NotSampled> notSampled(Caller caller, @PathVariable long id, @RequestParam String region) {
        return testing.notSampled(caller, id, region);
    }

    @GetMapping("/rounds/{id}/drill-report")
    @Operation(
            summary = "Timings per collection point: arrival→sampled→sealed→boxed→received→resulted (median minutes)")
    DrillReport drillReport(Caller caller, @PathVariable long id) {
        return testing.drillReport(caller, id);
    }

    @GetMapping("/planner")
    @Operation(
            summary = "Recommended pool size for a region (two-stage Dorfman) with expected tests per person and H(p)")
    PoolPlan planner(Caller caller, @RequestParam String region) {
        return testing.plan(caller, region);
    }

    record AbsenceRequest(@NotNull Long personId, @NotNull NotSampled.Reason reason, String note) {}

    @PostMapping("/rounds/{id}/absences")
    @Operation(summary = "Record why a person was not sampled (AWAY, EXEMPT, BEDRIDDEN, REFUSED, OTHER)")
    Map<String, String> absence(Caller caller, @PathVariable long id, @Valid @RequestBody AbsenceRequest r) {
        testing.recordAbsence(caller, id, r.personId(), r.reason(), r.note());
        return Map.of("recorded", r.reason().name());
    }
}
