package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.ByteArrayInputStream;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The person search says what it holds: the total, pages of 100, filters and an audited export. */
@PingjiTest
class PersonSearchTests {

    @Autowired
    MockMvcTester mvc;

    String page(String user, String uri) {
        return TestHttp.page(mvc, user, uri);
    }

    static long total(String page) {
        var m = Pattern.compile("共 ([\\d,]+) 人").matcher(page);
        assertThat(m.find()).as("the page says how many persons match").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void aWideSearchSaysItShowsOnlyTheFirstHundredAndPages() {
        String first = page("commander", "/persons?sex=F");
        long women = total(first);
        assertThat(women).isGreaterThan(1000);
        assertThat(first).contains("每页仅显示 100 条", "本页为第 1–100 条", "下一页", "第 1 / ");
        assertThat(Pattern.compile("href=\"/persons/\\d+\"")
                        .matcher(first)
                        .results()
                        .count())
                .isEqualTo(100);
        String second = page("commander", "/persons?sex=F&page=1");
        assertThat(second).contains("本页为第 101–200 条", "上一页");
        assertThat(second).doesNotContain("<td>男</td>");
        long men = total(page("commander", "/persons?sex=M"));
        long all = total(page("commander", "/persons?region=141029"));
        assertThat(women + men).isEqualTo(all);
    }

    @Test
    void filtersNarrowTheResultWithinTheJurisdiction() {
        long county = total(page("commander", "/persons?region=141029"));
        long township = total(page("commander", "/persons?region=141029100"));
        assertThat(township).isPositive().isLessThan(county);
        long young = total(page("commander", "/persons?ageFrom=0&ageTo=17"));
        long old = total(page("commander", "/persons?ageFrom=60"));
        assertThat(young).isPositive();
        assertThat(old).isPositive();
        assertThat(young + old).isLessThan(county);
        long registered = total(page("commander", "/persons?residence=REGISTERED"));
        assertThat(registered).isPositive().isLessThanOrEqualTo(county);
        assertThat(page("commander", "/persons?ageFrom=60&ageTo=18")).contains("年龄范围有误");
        // A grid worker's search stays in their micro-grid.
        long mine = total(page("gridworker1", "/persons?sex=F"));
        assertThat(mine).isPositive().isLessThan(total(page("commander", "/persons?sex=F")));
        assertThat(mvc.get().uri("/persons?region=141029").with(httpBasic("gridworker1", "demo")))
                .hasStatus(404);
    }

    @Test
    void aNameSearchIsRedirectedToAPageableAddressAndAnIdSearchIsNot() {
        assertThat(mvc.post()
                        .uri("/persons/search")
                        .param("query", "邱")
                        .param("sex", "M")
                        .with(httpBasic("commander", "demo"))
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .startsWith("/persons?query=")
                .contains("sex=M");
        var byId = mvc.post()
                .uri("/persons/search")
                .param("query", "11010519491231002X")
                .with(httpBasic("commander", "demo"))
                .with(csrf())
                .exchange();
        assertThat(byId).hasStatusOk();
        assertThat(body(byId)).contains("共 0 人").doesNotContain("11010519491231002X");
    }

    @Test
    void theResultIsExportedToExcelAndTheExportIsAudited() throws Exception {
        long count = total(page("commander", "/persons?region=141029100&sex=M"));
        var export = mvc.get()
                .uri("/persons/export.xlsx?region=141029100&sex=M")
                .with(httpBasic("commander", "demo"))
                .exchange();
        assertThat(export).hasStatusOk();
        try (var workbook = new ReadableWorkbook(
                new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
            var rows = workbook.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("姓名");
            assertThat(rows).hasSize((int) count + 1);
            assertThat(rows.subList(1, rows.size()))
                    .allSatisfy(r -> assertThat(r.getCellText(2)).isEqualTo("男"));
        }
        assertThat(page("admin", "/audit?user=commander")).contains("person search " + count + " rows");
        assertThat(mvc.get().uri("/persons/export.xlsx?sex=M").with(httpBasic("duty1", "demo")))
                .hasStatus(403);
    }
}
