package org.pingji.person;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.RegionSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: template, target region (a grid worker's default is their micro-grid), mode,
 * upload, a progress bar while it runs, then the result.
 */
@Controller
class ImportConsole {

    private final ImportJobs jobs;
    private final GridManagement grid;

    ImportConsole(ImportJobs jobs, GridManagement grid) {
        this.jobs = jobs;
        this.grid = grid;
    }

    /** A region the page offers as import target, indented by its depth below the jurisdiction. */
    record Target(String code, String label) {}

    @GetMapping("/imports")
    String page(Caller caller, Model model) {
        caller.require(Permission.LEDGER_IMPORT);
        List<Target> targets = new ArrayList<>();
        for (RegionSummary top : grid.topRegions(caller)) {
            targets.add(new Target(top.code(), top.name()));
            for (RegionSummary child : grid.children(caller, top.code())) {
                targets.add(new Target(child.code(), "　" + child.name()));
                if (targets.size() < 300) {
                    grid.children(caller, child.code())
                            .forEach(g -> targets.add(new Target(g.code(), "　　" + g.name())));
                }
            }
        }
        model.addAttribute("targets", targets);
        model.addAttribute("defaultRegion", caller.jurisdictionCode());
        return "person/import";
    }

    @PostMapping("/imports")
    String upload(
            Caller caller,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode)
            throws IOException {
        caller.require(Permission.LEDGER_IMPORT);
        Path copy = Files.createTempFile("pingji-upload", ".ledger");
        file.transferTo(copy);
        var job = jobs.start(caller, copy, new LedgerImport.Request(region, mode));
        return "redirect:/imports/" + job.id;
    }

    @GetMapping("/imports/{id}")
    String job(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("job", jobs.find(caller, id));
        return "person/import-job";
    }

    @GetMapping("/imports/{id}/progress")
    String progress(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("job", jobs.find(caller, id));
        return "person/fragments/import-progress :: progress";
    }
}
