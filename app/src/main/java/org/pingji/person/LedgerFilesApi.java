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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Ledger import and exports (XLSX) for the API and, under the same paths without /api, the console. */
@RestController
@Tag(
        name = "Ledger files",
        description = "XLSX template, person import (xlsx/xls/csv, all-or-nothing or good rows) and ledger exports")
class LedgerFilesApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LedgerImport imports;
    private final LedgerExport exports;
    private final ImportErrorFiles errorFiles;

    LedgerFilesApi(LedgerImport imports, LedgerExport exports, ImportErrorFiles errorFiles) {
        this.imports = imports;
        this.exports = exports;
        this.errorFiles = errorFiles;
    }

    @GetMapping({"/api/imports/persons/template", "/imports/persons/template"})
    @Operation(
            summary = "The XLSX template for person imports: Chinese headers, ID/phone/code columns formatted as text,"
                    + " drop-downs for 性别, 与户主关系 and 人员类别, an example row marked 示例 (skipped on import), notes")
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "人口台账导入模板.xlsx");
        LedgerTemplate.write(response.getOutputStream());
    }

    @PostMapping("/api/imports/persons")
    @Operation(
            summary = "Import persons and households from a ledger (xlsx, xls or UTF-8/GBK csv; multipart field 'file')"
                    + " into 'region' (a region code in the caller's jurisdiction; without it each row names its"
                    + " micro-grid). mode ALL_OR_NOTHING (default): 200 with accepted rows, or 422 with every problem"
                    + " as {row, column, value, message} and nothing written. mode GOOD_ROWS: the good rows are"
                    + " written and errorFile names a workbook of the bad rows with a 错误原因 column")
    ResponseEntity<ImportResult> importPersons(
            Caller caller,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode)
            throws IOException {
        ImportResult result = imports.importStream(
                caller, file.getInputStream(), new LedgerImport.Request(region, mode), LedgerImport.Progress.NONE);
        return ResponseEntity.status(
                        result.accepted() > 0 || result.errors().isEmpty()
                                ? HttpStatus.OK
                                : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(result);
    }

    @GetMapping({ImportErrorFiles.URL + "{id}", "/imports/persons/errors/{id}"})
    @Operation(summary = "The rows an import refused, as XLSX with a 错误原因 column (the importing user only)")
    ResponseEntity<byte[]> errorFile(Caller caller, @PathVariable String id) {
        return errorFiles
                .find(caller, id)
                .map(content -> ResponseEntity.ok()
                        .contentType(org.springframework.http.MediaType.parseMediaType(XLSX))
                        .header(
                                "Content-Disposition",
                                "attachment; filename=\"errors.xlsx\"; filename*=UTF-8''"
                                        + URLEncoder.encode("未导入的行.xlsx", StandardCharsets.UTF_8))
                        .body(content))
                .orElseGet(() -> ResponseEntity.notFound().build());
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
