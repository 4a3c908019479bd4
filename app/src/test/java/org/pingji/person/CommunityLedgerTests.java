package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.basic;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.util.CellRangeAddress;
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

/**
 * Ledgers as communities keep them: a merged title block, the community's own headers in its own
 * order, no micro-grid code, no household number, notes below the data — as xlsx, xls and GBK csv.
 */
@PingjiTest
class CommunityLedgerTests {

    static final String WORKER_GRID = "1410291000010101";
    static final String VILLAGE = "141029100001";
    static final String OTHER_GRID = "1410291000010103";
    static final List<String> HEADER = List.of("序号", "姓名", "性别", "身份证号码", "联系电话", "现住址", "与户主关系", "人员类别", "政治面貌");

    @Autowired
    MockMvcTester mvc;

    /** Sheet rows from row 1: title, 填报单位/日期, header, the persons, a blank row, a note. */
    static List<List<String>> sheet(List<List<String>> persons) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("乡宁县昌宁镇××社区人口信息台账（2022年3月）"));
        rows.add(List.of("填报单位：××社区居委会", "", "", "", "", "填报日期：2022年3月16日"));
        rows.add(HEADER);
        rows.addAll(persons);
        rows.add(List.of());
        rows.add(List.of("填表说明：身份证号码请填写18位，与户主关系填写户主、配偶、子女等。"));
        return rows;
    }

    static byte[] xlsx(List<List<String>> rows) throws Exception {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("人口信息");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                ws.value(r, c, rows.get(r).get(c));
            }
        }
        ws.range(0, 0, 0, HEADER.size() - 1).merge();
        wb.finish();
        return out.toByteArray();
    }

    static byte[] xls(List<List<String>> rows) throws Exception {
        try (var wb = new HSSFWorkbook()) {
            var sheet = wb.createSheet("人口信息");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
            var out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] csv(List<List<String>> rows, Charset charset) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            text.append(String.join(
                            ",",
                            row.stream()
                                    .map(c -> c.contains(",") ? "\"" + c + "\"" : c)
                                    .toList()))
                    .append("\r\n");
        }
        return text.toString().getBytes(charset);
    }

    /** A family of three and a single person, fresh IDs with the right sex digit. */
    static List<List<String>> family(int serial, String building) {
        String head = id(1), wife = id(2), child = id(1), single = id(2);
        return List.of(
                List.of("" + serial, "王建国", "男", head, "139 1234 5678", building + "1单元101", "户主", "常住", "群众"),
                List.of("" + (serial + 1), "李秀英", "女", wife, "13912345679", building + "1单元101", "配偶", "户籍", ""),
                List.of("" + (serial + 2), "王小明", "男", child, "", building + "1单元101", "子女", "寄住", ""),
                List.of("" + (serial + 3), "赵丽", "女", single, "139-1234-5680", building + "2单元202", "本人", "流动", ""));
    }

    /** A fresh valid ID: odd sequence for men (1), even for women (2). */
    static String id(int sex) {
        String id;
        do {
            id = LedgerImportTests.freshId();
        } while ((id.charAt(16) - '0') % 2 != (sex == 1 ? 1 : 0));
        return id;
    }

    MvcTestResult upload(String user, byte[] content, String filename, String region, String mode) {
        var request = mvc.post()
                .uri("/api/imports/persons")
                .multipart()
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .header(HttpHeaders.AUTHORIZATION, basic(user));
        if (region != null) {
            request = request.param("region", region);
        }
        if (mode != null) {
            request = request.param("mode", mode);
        }
        return request.exchange();
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
    void aCommunityLedgerInEachFormatImportsIntoTheWorkersMicroGridWithItsHouseholds() throws Exception {
        int serial = 1;
        for (String format : List.of("xlsx", "xls", "csv")) {
            long before = population(WORKER_GRID);
            List<List<String>> rows = sheet(family(serial, "26号楼"));
            byte[] file =
                    switch (format) {
                        case "xlsx" -> xlsx(rows);
                        case "xls" -> xls(rows);
                        default -> csv(rows, Charset.forName("GBK"));
                    };
            assertThat(upload("gridworker1", file, "社区台账." + format, WORKER_GRID, null))
                    .as(format)
                    .hasStatusOk()
                    .bodyJson()
                    .satisfies(json -> {
                        assertThat(json).extractingPath("$.accepted").isEqualTo(4);
                        assertThat(json).extractingPath("$.rejected").isEqualTo(0);
                        assertThat(json).extractingPath("$.households").isEqualTo(2);
                        assertThat(json)
                                .extractingPath("$.ignoredColumns")
                                .asArray()
                                .containsExactly("政治面貌");
                    });
            assertThat(population(WORKER_GRID)).as(format).isEqualTo(before + 4);
            serial += 4;
        }
    }

    @Test
    void badRowsAreNamedBySheetRowAndSerialAndAllOrNothingWritesNothing() throws Exception {
        List<List<String>> persons = new ArrayList<>(family(1, "27号楼"));
        String man = id(1);
        persons.add(List.of("5", "张错性", "女", man, "", "27号楼3单元301", "户主", "常住", ""));
        persons.add(List.of("6", "刘数字", "男", "1.41029E+17", "", "27号楼3单元301", "配偶", "常住", ""));
        persons.add(List.of("7", "孙外星", "男", id(1), "1391234", "27号楼3单元302", "户主", "外星人", ""));
        byte[] file = xlsx(sheet(persons));
        long before = population(WORKER_GRID);
        assertThat(upload("gridworker1", file, "错误台账.xlsx", WORKER_GRID, null))
                .hasStatus(422)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.accepted").isEqualTo(0);
                    assertThat(json).extractingPath("$.rejected").isEqualTo(3);
                    assertThat(json).extractingPath("$.errors[*].row").asArray().containsExactly(8, 9, 10, 10);
                    assertThat(json)
                            .extractingPath("$.errors[*].column")
                            .asArray()
                            .containsExactly("性别", "身份证号码", "联系电话", "人员类别");
                    assertThat(json).extractingPath("$.errors[0].message").isEqualTo("性别「女」与身份证号不符（第17位为奇数，应为男）（序号5）");
                    assertThat(json)
                            .extractingPath("$.errors[1].message")
                            .asString()
                            .contains("被Excel存成了数字", "序号6");
                    assertThat(json).extractingPath("$.errorFile").isNull();
                });
        assertThat(population(WORKER_GRID)).isEqualTo(before);

        var good = upload("gridworker1", file, "错误台账.xlsx", WORKER_GRID, "GOOD_ROWS");
        assertThat(good).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.accepted").isEqualTo(4);
            assertThat(json).extractingPath("$.rejected").isEqualTo(3);
            assertThat(json).extractingPath("$.households").isEqualTo(2);
        });
        assertThat(population(WORKER_GRID)).isEqualTo(before + 4);
        String errorFile = JsonPath.read(good.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.errorFile");
        var download = mvc.get()
                .uri(errorFile)
                .header(HttpHeaders.AUTHORIZATION, basic("gridworker1"))
                .exchange();
        assertThat(download).hasStatusOk().hasContentType(LedgerFilesApi.XLSX);
        try (var wb = new ReadableWorkbook(
                new ByteArrayInputStream(download.getResponse().getContentAsByteArray()))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("原行号");
            assertThat(rows.getFirst().getCellText(HEADER.size() + 1)).isEqualTo("错误原因");
            assertThat(rows).hasSize(4);
            assertThat(rows.get(1).getCellText(0)).isEqualTo("8");
            assertThat(rows.get(1).getCellText(2)).isEqualTo("张错性");
            assertThat(rows.get(1).getCellText(HEADER.size() + 1)).startsWith("性别：性别「女」与身份证号不符");
            assertThat(rows.get(3).getCellText(HEADER.size() + 1)).contains("联系电话：", "人员类别：");
        }
        assertThat(mvc.get().uri(errorFile).header(HttpHeaders.AUTHORIZATION, basic("commander")))
                .hasStatus(404);
        // The same good rows again: registered already, never created twice.
        assertThat(upload("gridworker1", file, "again.xlsx", WORKER_GRID, "GOOD_ROWS"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[*].message")
                .asArray()
                .contains("身份证号已登记");
    }

    @Test
    void aPersonOfAnotherMicroGridIsNamedAndTheTargetMustBeInTheJurisdiction() throws Exception {
        List<List<String>> first = family(1, "28号楼");
        assertThat(upload("commander", xlsx(sheet(first)), "a.xlsx", OTHER_GRID, null))
                .hasStatusOk();
        assertThat(upload("gridworker1", xlsx(sheet(first)), "b.xlsx", WORKER_GRID, null))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .startsWith("该人员已登记在「")
                .contains(OTHER_GRID);
        assertThat(upload("gridworker1", xlsx(sheet(family(1, "29号楼"))), "c.xlsx", OTHER_GRID, null))
                .hasStatus(404);
        assertThat(upload("gridworker1", xlsx(sheet(family(1, "29号楼"))), "c.xlsx", "9999", null))
                .hasStatus(404);
    }

    @Test
    void householdsImportedIntoAVillageWaitUntilAssignedByAddressPrefix() throws Exception {
        String building = "幸福湾%d号楼".formatted(100 + new java.util.Random().nextInt(900));
        List<List<String>> persons = new ArrayList<>(family(1, building));
        persons.addAll(family(5, "别处" + building).stream()
                .map(r -> {
                    List<String> copy = new ArrayList<>(r);
                    copy.set(3, id((copy.get(3).charAt(16) - '0') % 2 == 1 ? 1 : 2));
                    return (List<String>) copy;
                })
                .toList());
        long village = population(VILLAGE);
        long grid = population(WORKER_GRID);
        assertThat(upload("village1", xlsx(sheet(persons)), "村台账.xlsx", VILLAGE, null))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.accepted").isEqualTo(8);
                    assertThat(json).extractingPath("$.households").isEqualTo(4);
                    assertThat(json).extractingPath("$.unassignedHouseholds").isEqualTo(4);
                });
        assertThat(population(VILLAGE)).isEqualTo(village + 8);
        assertThat(population(WORKER_GRID)).isEqualTo(grid);
        assertThat(mvc.get()
                        .uri("/regions/" + VILLAGE + "/unassigned")
                        .header(HttpHeaders.AUTHORIZATION, basic("village1")))
                .hasStatusOk()
                .bodyText()
                .contains("待分配住户", building + "1单元101");

        var assigned = mvc.post()
                .uri("/api/regions/" + VILLAGE + "/unassigned-households/assign")
                .header(HttpHeaders.AUTHORIZATION, basic("village1"))
                .contentType("application/json")
                .content("{\"addressPrefix\":\"%s\",\"microGrid\":\"%s\"}".formatted(building, WORKER_GRID))
                .exchange();
        assertThat(assigned).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.households").isEqualTo(2);
            assertThat(json).extractingPath("$.persons").isEqualTo(4);
        });
        assertThat(population(WORKER_GRID)).isEqualTo(grid + 4);
        assertThat(population(VILLAGE)).isEqualTo(village + 8);
        var left = mvc.get()
                .uri("/api/regions/" + VILLAGE + "/unassigned-households")
                .header(HttpHeaders.AUTHORIZATION, basic("village1"))
                .exchange();
        assertThat(left)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].address")
                .asArray()
                .contains("别处" + building + "1单元101")
                .doesNotContain(building + "1单元101");
        assertThat(mvc.post()
                        .uri("/api/regions/" + VILLAGE + "/unassigned-households/assign")
                        .header(HttpHeaders.AUTHORIZATION, basic("village1"))
                        .contentType("application/json")
                        .content("{\"addressPrefix\":\"\",\"microGrid\":\"141029100002\"}"))
                .hasStatus(404);
    }
}
