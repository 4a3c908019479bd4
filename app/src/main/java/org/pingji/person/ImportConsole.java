package org.pingji.person;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import page: template, upload, a progress bar while it runs, then the result. */
@Controller
class ImportConsole {

    private final ImportJobs jobs;

    ImportConsole(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/imports")
    String page(Caller caller) {
        caller.require(Permission.LEDGER_IMPORT);
        return "person/import";
    }

    @PostMapping("/imports")
    String upload(Caller caller, @RequestParam("file") MultipartFile file) throws IOException {
        caller.require(Permission.LEDGER_IMPORT);
        Path copy = Files.createTempFile("pingji-upload", ".xlsx");
        file.transferTo(copy);
        var job = jobs.start(caller, copy);
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
