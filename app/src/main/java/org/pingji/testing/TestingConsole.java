package org.pingji.testing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.pingji.grid.RegionChoice;
import org.pingji.grid.RegionLevel;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of mass testing (Chinese): rounds and progress, sampling table, lab, recall, gaps. */
@Controller
class TestingConsole {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final TestingManagement testing;
    private final GridManagement grid;
    private final ResultFiles files;

    TestingConsole(TestingManagement testing, GridManagement grid, ResultFiles files) {
        this.testing = testing;
        this.grid = grid;
        this.files = files;
    }

    @GetMapping("/testing")
    String rounds(Caller caller, Model model) {
        model.addAttribute("rounds", testing.rounds(caller));
        model.addAttribute("canManage", caller.can(Permission.ROUND_MANAGE));
        model.addAttribute("regionChoices", grid.regionTree(caller, RegionLevel.GRID));
        model.addAttribute(
                "regionNames",
                grid.regionTree(caller, RegionLevel.GRID).stream()
                        .collect(java.util.stream.Collectors.toMap(RegionChoice::code, RegionChoice::name)));
        model.addAttribute(
                "defaultDeadline",
                LocalDateTime.now(ZONE).plusHours(24).withSecond(0).withNano(0));
        return "testing/rounds";
    }

    /** The round form: regions as comma-separated codes, deadline in local (Beijing) time. */
    record RoundForm(
            String name,
            String regionCodes,
            Integer poolSize,
            LocalDateTime deadline,
            Boolean drill,
            Integer drillPoints) {}

    @PostMapping("/testing/rounds")
    String open(Caller caller, RoundForm form, RedirectAttributes redirect) {
        try {
            long id = testing.openRound(
                    caller,
                    new NewRound(
                            form.name(),
                            Arrays.stream(
                                            form.regionCodes() == null
                                                    ? new String[0]
                                                    : form.regionCodes().split("[,，\\s]+"))
                                    .filter(s -> !s.isBlank())
                                    .toList(),
                            form.poolSize() == null ? 0 : form.poolSize(),
                            form.deadline() == null
                                    ? null
                                    : form.deadline().atZone(ZONE).toInstant(),
                            Boolean.TRUE.equals(form.drill()),
                            form.drillPoints()));
            return "redirect:/testing/rounds/" + id;
        } catch (TestingRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/testing";
        }
    }

    @GetMapping("/testing/rounds/{id}")
    String round(Caller caller, @PathVariable long id, @RequestParam(required = false) String region, Model model) {
        progress(caller, id, region, model);
        model.addAttribute("canManage", caller.can(Permission.ROUND_MANAGE));
        model.addAttribute("ledger", caller.can(Permission.LEDGER_READ));
        return "testing/round";
    }

    @GetMapping("/testing/rounds/{id}/progress")
    String progressFragment(
            Caller caller, @PathVariable long id, @RequestParam(required = false) String region, Model model) {
        progress(caller, id, region, model);
        return "testing/fragments/progress :: progress";
    }

    private void progress(Caller caller, long id, String region, Model model) {
        RoundView round = testing.round(caller, id);
        // A round over one region opens on that region, not on the caller's whole jurisdiction.
        List<Region> covered = round.regionCodes().stream()
                .flatMap(c -> grid.findRegion(c).stream())
                .toList();
        String code = region != null
                ? region
                : covered.size() == 1 && caller.covers(covered.getFirst().path())
                        ? covered.getFirst().code()
                        : grid.topRegions(caller).getFirst().code();
        Region shown = grid.region(caller, code);
        model.addAttribute("round", round);
        model.addAttribute("roundRegions", covered);
        model.addAttribute("region", shown);
        model.addAttribute("coverage", testing.coverage(caller, id, code));
        model.addAttribute(
                "children",
                grid.children(caller, code).stream()
                        .map(c -> testing.coverage(caller, id, c.code()))
                        .filter(c -> c.registered() > 0)
                        .toList());
        model.addAttribute(
                "names",
                grid.children(caller, code).stream()
                        .collect(java.util.stream.Collectors.toMap(c -> c.code(), c -> c.name())));
    }

    @GetMapping("/testing/rounds/{id}/tables")
    String tables(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("round", testing.round(caller, id));
        model.addAttribute("tables", testing.tables(caller, id));
        model.addAttribute("canManage", caller.can(Permission.ROUND_MANAGE));
        return "testing/tables";
    }

    @PostMapping("/testing/rounds/{id}/tables/{table}/samplers")
    String assign(
            Caller caller,
            @PathVariable long id,
            @PathVariable long table,
            @RequestParam String username,
            RedirectAttributes redirect) {
        try {
            testing.assignSampler(caller, table, username.trim());
            redirect.addFlashAttribute("notice", "已将 %s 分配到采样台 %d".formatted(username.trim(), table));
        } catch (TestingRefused | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/testing/rounds/" + id + "/tables";
    }

    @PostMapping("/testing/rounds/{id}/close")
    String close(Caller caller, @PathVariable long id) {
        testing.closeRound(caller, id);
        return "redirect:/testing/rounds/" + id;
    }

    @GetMapping("/testing/rounds/{id}/recall")
    String recall(Caller caller, @PathVariable long id, @RequestParam String region, Model model) {
        model.addAttribute("round", testing.round(caller, id));
        model.addAttribute("region", grid.region(caller, region));
        model.addAttribute("entries", testing.recall(caller, id, region));
        return "testing/recall";
    }

    @GetMapping("/testing/rounds/{id}/not-sampled")
    String notSampled(Caller caller, @PathVariable long id, @RequestParam String region, Model model) {
        model.addAttribute("round", testing.round(caller, id));
        model.addAttribute("region", grid.region(caller, region));
        model.addAttribute("entries", testing.notSampled(caller, id, region));
        model.addAttribute("reasons", NotSampled.Reason.values());
        return "testing/not-sampled";
    }

    @PostMapping("/testing/rounds/{id}/absences")
    String absence(
            Caller caller,
            @PathVariable long id,
            @RequestParam long personId,
            @RequestParam NotSampled.Reason reason,
            @RequestParam(required = false) String note,
            Model model) {
        testing.recordAbsence(caller, id, personId, reason, note);
        model.addAttribute("reason", reason);
        return "testing/fragments/absence :: recorded";
    }

    @GetMapping("/testing/rounds/{id}/not-sampled.xlsx")
    void notSampledExcel(
            Caller caller, @PathVariable long id, @RequestParam String region, HttpServletResponse response)
            throws IOException {
        List<NotSampled> entries = testing.notSampled(caller, id, region);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"not-sampled-%d-%s.xlsx\"".formatted(id, region));
        Workbook workbook = new Workbook(response.getOutputStream(), "Pingji", "1.0");
        Worksheet sheet = workbook.newWorksheet("未采样人员");
        String[] header = {"姓名", "微网格编码", "未采样原因", "说明", "登记人", "登记时间"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
            sheet.style(0, c).bold().set();
        }
        int row = 1;
        for (NotSampled n : entries) {
            sheet.value(row, 0, n.name());
            sheet.value(row, 1, n.microGridCode());
            sheet.value(row, 2, n.reason() == null ? "" : reasonLabel(n.reason()));
            sheet.value(row, 3, n.note() == null ? "" : n.note());
            sheet.value(row, 4, n.recordedBy() == null ? "" : n.recordedBy());
            sheet.value(
                    row,
                    5,
                    n.recordedAt() == null
                            ? ""
                            : n.recordedAt().atZone(ZONE).toLocalDateTime().toString());
            row++;
        }
        workbook.finish();
    }

    static String reasonLabel(String reason) {
        return switch (reason) {
            case "AWAY" -> "外出";
            case "EXEMPT" -> "免检";
            case "BEDRIDDEN" -> "卧床（需上门采样）";
            case "REFUSED" -> "拒绝";
            default -> "其他";
        };
    }

    @GetMapping("/testing/rounds/{id}/drill")
    String drill(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("report", testing.drillReport(caller, id));
        return "testing/drill";
    }

    @GetMapping("/testing/planner")
    String planner(Caller caller, @RequestParam(required = false) String region, Model model) {
        String code =
                region != null ? region : grid.topRegions(caller).getFirst().code();
        model.addAttribute("region", grid.region(caller, code));
        model.addAttribute("plan", testing.plan(caller, code));
        return "testing/planner";
    }

    @GetMapping("/testing/table")
    String table(Caller caller, Model model) {
        caller.require(Permission.SAMPLE);
        List<RoundView> open = testing.rounds(caller).stream()
                .filter(r -> "OPEN".equals(r.status()))
                .toList();
        model.addAttribute("rounds", open);
        model.addAttribute(
                "tables",
                open.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                RoundView::id, r -> testing.tables(caller, r.id()).stream()
                                        .filter(t -> t.samplers().contains(caller.username()))
                                        .toList())));
        return "testing/table";
    }

    /** The sampling page's sync endpoint (session + CSRF): same contract as the API. */
    @PostMapping("/testing/scans")
    @ResponseBody
    List<ScanOutcome> scans(Caller caller, @RequestBody List<Scan> scans) {
        if (scans.size() > TestingApi.MAX_SCANS_PER_REQUEST) {
            throw new TestingRefused("一次最多提交 %d 条扫码".formatted(TestingApi.MAX_SCANS_PER_REQUEST));
        }
        return testing.scan(caller, scans);
    }

    /** On-the-spot registration from the sampling page (session + CSRF). */
    @PostMapping("/testing/tables/{id}/persons")
    @ResponseBody
    java.util.Map<String, Long> registerAtTable(
            Caller caller, @PathVariable long id, @RequestBody TestingApi.OnSiteRegistration r) {
        return java.util.Map.of("personId", testing.registerAtTable(caller, id, r.name(), r.residentId(), r.phone()));
    }

    /** Packs sealed tubes (one barcode per line) into a box from the sampling page. */
    @PostMapping("/testing/boxes")
    String pack(
            Caller caller,
            @RequestParam String box,
            @RequestParam long roundId,
            @RequestParam String tubes,
            @RequestParam(required = false) String location,
            RedirectAttributes redirect) {
        try {
            List<String> barcodes = Arrays.stream(tubes.split("[\\s,，]+"))
                    .filter(t -> !t.isBlank())
                    .toList();
            int packed = testing.packBox(caller, box, roundId, barcodes, location);
            testing.handOverBox(caller, box, location);
            redirect.addFlashAttribute("notice", "转运箱 %s 已装入 %d 支试管并交接送检".formatted(box, packed));
        } catch (TestingRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/testing/table";
    }

    @PostMapping("/testing/tubes/{barcode}/seal")
    @ResponseBody
    ResponseEntity<java.util.Map<String, String>> seal(Caller caller, @PathVariable String barcode) {
        return ResponseEntity.ok(java.util.Map.of("message", testing.seal(caller, barcode)));
    }

    @GetMapping("/testing/lab")
    String lab(Caller caller, Model model) {
        model.addAttribute("entries", testing.labAttention(caller));
        return "testing/lab";
    }

    @PostMapping("/testing/lab/receive")
    String receive(
            Caller caller,
            @RequestParam String box,
            @RequestParam(required = false) String location,
            RedirectAttributes redirect) {
        try {
            int tubes = testing.receiveBox(caller, box, location);
            redirect.addFlashAttribute("notice", "已接收转运箱 %s，共 %d 支试管".formatted(box, tubes));
        } catch (TestingRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/testing/lab";
    }

    @PostMapping("/testing/lab/upload")
    String upload(Caller caller, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("upload", files.upload(caller, file));
        model.addAttribute("entries", testing.labAttention(caller));
        return "testing/lab";
    }
}
