package org.pingji.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.pingji.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Ledger import and exports (XLSX) for the API and, under the same paths without /api, the console. */
@RestController
@Tag(name = "Ledger files", description = "XLSX template, person import (all-or-nothing) and ledger exports")
class LedgerFilesApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LedgerImport imports;
    private final LedgerExport exports;

    LedgerFilesApi(LedgerImport imports, LedgerExport exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @GetMapping({"/api/imports/persons/template", "/imports/persons/template"})
    @Operation(summary = "The XLSX template for person imports (Chinese headers, example row, notes)")
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "人口台账导入模板.xlsx");
        exports.template(response.getOutputStream());
    }

    @PostMapping("/api/imports/persons")
    @Operation(
            summary =
                    "Import persons and households from XLSX (multipart field 'file'). All or nothing: "
                            + "200 with accepted rows, or 422 with every problem as {row, column, value, message} and nothing written")
    ResponseEntity<ImportResult> importPersons(Caller caller, @RequestParam("file") MultipartFile file)
            throws IOException {
        ImportResult result = imports.importStream(caller, file.getInputStream(), LedgerImport.Progress.NONE);
        return ResponseEntity.status(result.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(result);
    }

    @GetMapping({"/api/exports/persons", "/exports/persons"})
    @Operation(summary = "Persons of a region as XLSX (IDs and phones masked); audited")
    void persons(Caller caller, @RequestParam String region, HttpServletResponse response) throws IOException {
        exports.persons(caller, region, buffered(response, "人员台账-" + region + ".xlsx"));
    }

    @GetMapping({"/api/exports/households", "/exports/households"})
    @Operation(summary = "Households of a region as XLSX; audited")
    void households(Caller caller, @RequestParam String region, HttpServletResponse response) throws IOException {
        exports.households(caller, region, buffered(response, "住户台账-" + region + ".xlsx"));
    }

    @GetMapping({"/api/exports/grid-workers", "/exports/grid-workers"})
    @Operation(summary = "Grid workers of a region as XLSX; audited")
    void gridWorkers(Caller caller, @RequestParam String region, HttpServletResponse response) throws IOException {
        exports.gridWorkers(caller, region, buffered(response, "网格员-" + region + ".xlsx"));
    }

    /**
     * Headers are set only once the first bytes are written, so a refusal before that (403/404)
     * still becomes a normal error answer.
     */
    private static java.io.OutputStream buffered(HttpServletResponse response, String filename) {
        return new java.io.OutputStream() {
            private java.io.OutputStream target;

            private java.io.OutputStream target() throws IOException {
                if (target == null) {
                    attachment(response, filename);
                    target = response.getOutputStream();
                }
                return target;
            }

            @Override
            public void write(int b) throws IOException {
                target().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                target().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                target().flush();
            }
        };
    }

    private static void attachment(HttpServletResponse response, String filename) {
        response.setContentType(XLSX);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"pingji.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
