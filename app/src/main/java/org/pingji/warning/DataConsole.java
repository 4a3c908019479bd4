package org.pingji.warning;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 监测数据 and 设置 tabs of the signals page: recent counts, the Excel upload and its
 * template, recomputing the platform's counts, and the detection settings.
 */
@Controller
class DataConsole {

    private final WarningManagement warning;
    private final Counts counts;
    private final CountSheets sheets;
    private final ComputedCounts computed;

    DataConsole(WarningManagement warning, Counts counts, CountSheets sheets, ComputedCounts computed) {
        this.warning = warning;
        this.counts = counts;
        this.sheets = sheets;
        this.computed = computed;
    }

    @GetMapping("/warning/data")
    String data(Caller caller, @RequestParam(required = false) String signal, Model model) {
        String chosen = signal == null || signal.isBlank() ? null : signal;
        model.addAttribute("counts", counts.recent(caller, chosen, 300));
        model.addAttribute("catalogue", counts.catalogue());
        model.addAttribute("signal", chosen);
        model.addAttribute("canUpload", caller.can(Permission.SIGNAL_REPORT));
        model.addAttribute("today", warning.today());
        model.addAttribute("tab", "data");
        return "warning/data";
    }

    @GetMapping("/warning/data/template.xlsx")
    void template(Caller caller, HttpServletResponse response) throws IOException {
        caller.require(Permission.SIGNAL_REPORT);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''warning-counts-template.xlsx");
        sheets.template(
                response.getOutputStream(),
                counts.catalogue(),
                caller.jurisdictionCode(),
                warning.today().minusDays(1));
    }

    @PostMapping("/warning/data/upload")
    String upload(Caller caller, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return SignalsConsole.act(redirect, "/warning/data", () -> {
            try {
                return sheets.upload(caller, file.getInputStream());
            } catch (IOException e) {
                throw WarningRefused.invalid("file_unreadable", "无法读取上传的文件");
            }
        });
    }

    @PostMapping("/warning/data/recompute")
    String recompute(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        LocalDate day = date == null ? warning.today().minusDays(1) : date;
        return SignalsConsole.act(redirect, "/warning/data", () -> computed.recompute(caller, day));
    }

    @GetMapping("/warning/settings")
    String settings(Caller caller, Model model) {
        model.addAttribute("settings", warning.settings(caller));
        model.addAttribute("catalogue", counts.catalogue());
        model.addAttribute("tab", "settings");
        return "warning/settings";
    }

    @PostMapping("/warning/settings")
    String saveSetting(
            Caller caller,
            @RequestParam String signal,
            @RequestParam String level,
            @RequestParam String method,
            @RequestParam(defaultValue = "0.001") double alpha,
            @RequestParam(defaultValue = "1") int threshold,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        return SignalsConsole.act(redirect, "/warning/settings", () -> {
            warning.saveSetting(caller, signal, level, method, alpha, threshold, active);
            return 1;
        });
    }
}
