package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@PingjiTest
class LedgerImportTests {

    static final String GRID = "1410291000010103";

    @Autowired
    MockMvcTester mvc;

    static final Random RANDOM = new Random();

    /** A fresh valid ID that the demo county (division codes of Shanxi etc.) never issues. */
    static String freshId() {
        String first = "110101%04d%02d%02d%03d"
                .formatted(
                        1950 + RANDOM.nextInt(50),
                        1 + RANDOM.nextInt(12),
                        1 + RANDOM.nextInt(28),
                        RANDOM.nextInt(1000));
        return first + ResidentId.checkCharacter(first);
    }

    /** An XLSX with two merged title rows above the header, like county ledgers. */
    static byte[] ledger(List<List<String>> rows) throws Exception {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("台账");
        ws.value(0, 0, "城关社区人口台账");
        ws.range(0, 0, 0, 6).merge();
        ws.value(1, 0, "填报日期：2022年3月16日");
        ws.range(1, 0, 1, 6).merge();
        List<String> header = List.of("姓名*", "身份证号*", "手机号", "微网格编码*", "户编号*", "住址", "居住类型");
        for (int c = 0; c < header.size(); c++) {
            ws.value(2, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                ws.value(3 + r, c, rows.get(r).get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    MvcTestResult upload(String user, byte[] content, String filename) {
        return mvc.post()
                .uri("/api/imports/persons")
                .multipart()
                .file(new MockMultipartFile("file", filename, LedgerFilesApi.XLSX, content))
                .header(HttpHeaders.AUTHORIZATION, basic(user))
                .exchange();
    }

    static String zipEntry(byte[] zip, String name) throws java.io.IOException {
        var file = java.nio.file.Files.createTempFile("pingji-test", ".zip");
        try {
            java.nio.file.Files.write(file, zip);
            try (var z = new java.util.zip.ZipFile(file.toFile())) {
                return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    long population(String code) throws Exception {
        var r = mvc.get()
                .uri("/api/regions/" + code)
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .exchange();
        return ((Number) JsonPath.read(r.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.population"))
                .longValue();
    }

    @Test
    void aLedgerWithTitleRowsIsImportedIntoHouseholds() throws Exception {
        long before = population(GRID);
        long villageBefore = population("141029100001");
        String a = freshId();
        String b = freshId();
        String c = freshId();
        byte[] file = ledger(List.of(
                List.of("王大山", a, "13912340001", GRID, "H-9001", "城关社区9号楼1单元101室", "户籍人口"),
                List.of("王小山", b, "", GRID, "H-9001", "", "户籍人口"),
                List.of("李暂住", c, "13912340003", GRID, "H-9002", "城关社区9号楼1单元102室", "暂住人口")));
        assertThat(upload("commander", file, "城关社区.xlsx"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.accepted").isEqualTo(3);
                    assertThat(json).extractingPath("$.rejected").isEqualTo(0);
                    assertThat(json).extractingPath("$.households").isEqualTo(2);
                    assertThat(json).extractingPath("$.errors").asArray().isEmpty();
                });
        assertThat(population(GRID)).isEqualTo(before + 3);
        assertThat(population("141029100001")).isEqualTo(villageBefore + 3);
        var found = mvc.post()
                .uri("/api/persons/search")
                .header(HttpHeaders.AUTHORIZATION, basic("commander"))
                .contentType("application/json")
                .content("{\"query\":\"%s\"}".formatted(a))
                .exchange();
        assertThat(found).hasStatusOk().bodyJson().extractingPath("$[0].name").isEqualTo("王大山");
        // The same file again: every ID is registered now, nothing is written.
        assertThat(upload("commander", file, "again.xlsx"))
                .hasStatus(422)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.accepted").isEqualTo(0);
                    assertThat(json).extractingPath("$.rejected").isEqualTo(3);
                    assertThat(json).extractingPath("$.errors[0].row").isEqualTo(4);
                    assertThat(json).extractingPath("$.errors[0].column").isEqualTo("身份证号");
                    assertThat(json).extractingPath("$.errors[0].message").isEqualTo("身份证号已登记");
                });
        assertThat(population(GRID)).isEqualTo(before + 3);
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAndEveryProblemIsListed() throws Exception {
        long before = population(GRID);
        String good = freshId();
        byte[] file = ledger(List.of(
                List.of("好人", good, "", GRID, "H-9100", "", ""),
                List.of("错号", good.substring(0, 17) + (good.charAt(17) == '1' ? "2" : "1"), "", GRID, "H-9100", "", ""),
                List.of("重复", good, "1391234567", GRID, "H-9101", "", ""),
                List.of("外区", freshId(), "", "1410299999999999", "H-9102", "", "")));
        assertThat(upload("commander", file, "bad.xlsx"))
                .hasStatus(422)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.accepted").isEqualTo(0);
                    assertThat(json).extractingPath("$.rejected").isEqualTo(3);
                    assertThat(json).extractingPath("$.errors[*].row").asArray().containsExactly(5, 6, 6, 7);
                    assertThat(json)
                            .extractingPath("$.errors[*].column")
                            .asArray()
                            .containsExactly("身份证号", "身份证号", "手机号", "微网格编码");
                    assertThat(json).extractingPath("$.errors[1].message").isEqualTo("身份证号与第4行重复");
                });
        assertThat(population(GRID)).isEqualTo(before);
    }

    @Test
    void aGridWorkerCannotImportIntoAnotherMicroGrid() throws Exception {
        byte[] file = ledger(List.of(List.of("越权", freshId(), "", GRID, "H-9200", "", "")));
        assertThat(upload("gridworker1", file, "x.xlsx"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("该微网格不在您的辖区");
        assertThat(upload("sampler1", file, "x.xlsx")).hasStatus(403);
    }

    @Test
    void filesThatAreNotLedgersGetOneClearError() throws Exception {
        byte[] random = new byte[10 * 1024 * 1024];
        new Random(1).nextBytes(random);
        for (byte[] content : List.of(new byte[0], "姓名,身份证号\n张三,1\n".getBytes(StandardCharsets.UTF_8), random)) {
            assertThat(upload("commander", content, "ledger.xlsx"))
                    .hasStatus(422)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .containsAnyOf("文件为空", "无法读取该文件", "没有找到包含「姓名」和「身份证号」的表头行", "身份证号应为18位，实际为1位");
        }
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("台账");
        ws.value(0, 0, "姓名");
        ws.value(0, 1, "身份证号");
        ws.value(1, 0, "缺列");
        ws.value(1, 1, freshId());
        wb.finish();
        assertThat(upload("commander", out.toByteArray(), "columns.xlsx"))
                .hasStatus(422)
                .bodyJson()
                .satisfies(json -> {
                    // Without a target region each row must name its micro-grid.
                    assertThat(json)
                            .extractingPath("$.errors[*].column")
                            .asArray()
                            .containsExactly("微网格编码");
                    assertThat(json).extractingPath("$.errors[0].row").isEqualTo(2);
                });
    }

    @Test
    void theTemplateAndTheExportHaveChineseHeadersAndMaskedIds() throws Exception {
        var template = mvc.get()
                .uri("/api/imports/persons/template")
                .header(HttpHeaders.AUTHORIZATION, basic("gridworker1"))
                .exchange();
        assertThat(template).hasStatusOk().hasContentType(LedgerFilesApi.XLSX);
        byte[] content = template.getResponse().getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.get(2).getCellText(1)).isEqualTo("姓名*");
            assertThat(rows.get(2).getCellText(3)).isEqualTo("身份证号码*");
            assertThat(rows.get(3).getCellText(0)).isEqualTo("示例");
        }
        String sheet = zipEntry(content, "xl/worksheets/sheet1.xml");
        // Drop-downs for 性别 (C), 与户主关系 (G), 人员类别 (H) from the 选项 sheet.
        assertThat(sheet).contains("<dataValidation", "sqref=\"C4:C2004\"", "sqref=\"G4:G2004\"", "sqref=\"H4:H2004\"");
        assertThat(sheet).contains("!$A$1:$A$2</formula1>", "errorStyle=\"stop\"");
        // The ID column's empty cells carry a style whose number format is text ("@").
        String styles = zipEntry(content, "xl/styles.xml");
        assertThat(styles).containsPattern("numFmtId=\"49\"|formatCode=\"@\"");
        assertThat(sheet).containsPattern("<c r=\"D100\" s=\"\\d+\"");
        // The template as it comes (only the 示例 row) holds no person.
        assertThat(upload("gridworker1", content, "模板.xlsx"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("文件中没有数据行");
        var export = mvc.get()
                .uri("/api/exports/persons?region=1410291000010101")
                .header(HttpHeaders.AUTHORIZATION, basic("gridworker1"))
                .exchange();
        assertThat(export).hasStatusOk();
        assertThat(export.getResponse().getHeader("Content-Disposition")).contains("filename*=UTF-8''");
        try (var wb = new ReadableWorkbook(
                new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("姓名");
            assertThat(rows.getFirst().getCellText(1)).isEqualTo("身份证号");
            assertThat(rows.size()).isGreaterThan(1);
            assertThat(rows.subList(1, rows.size()))
                    .allSatisfy(r -> assertThat(r.getCellText(1)).matches("\\d{4}\\*{10}\\d{3}[\\dX]"));
        }
        assertThat(mvc.get()
                        .uri("/api/exports/persons?region=141029")
                        .header(HttpHeaders.AUTHORIZATION, basic("gridworker1")))
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/exports/households?region=1410291000010101")
                        .header(HttpHeaders.AUTHORIZATION, basic("gridworker1")))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/exports/grid-workers?region=141029100")
                        .header(HttpHeaders.AUTHORIZATION, basic("township1")))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/audit?user=gridworker1").header(HttpHeaders.AUTHORIZATION, basic("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("LEDGER_EXPORT", "1410291000010101");
    }
}
