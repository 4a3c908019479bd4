package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Region and household pages: a map, the whole path in the breadcrumb, grouped counts. */
@PingjiTest
class RegionPagesTests {

    @Autowired
    MockMvcTester mvc;

    String page(String user, String uri) {
        return TestHttp.page(mvc, user, uri);
    }

    @Test
    void aRegionPageHasAMapOfItsChildren() {
        String county = page("commander", "/regions/141029");
        assertThat(county).contains("data-region-map", "data-url=\"/regions/141029/map.json\"", "/js/region-map.js");
        assertThat(county).doesNotContain("<script>");
        String geo = page("commander", "/regions/141029/map.json");
        List<String> codes = JsonPath.read(geo, "$.features[*].properties.code");
        assertThat(codes).contains("141029100");
        assertThat(mvc.get().uri("/regions/141029/map.json").with(httpBasic("gridworker1", "demo")))
                .hasStatus(404);
    }

    @Test
    void theHouseholdBreadcrumbKeepsThePathAboveTheMicroGrid() {
        String microGrid = page("commander", "/regions/1410291000010101?tab=households");
        var m = Pattern.compile("href=\"/households/(\\d+)\"").matcher(microGrid);
        assertThat(m.find()).isTrue();
        String household = page("commander", "/households/" + m.group(1));
        String crumbs = household.substring(
                household.indexOf("id=\"breadcrumbs\""),
                household.indexOf("</nav>", household.indexOf("id=\"breadcrumbs\"")));
        assertThat(crumbs)
                .contains("乡宁县", "昌宁镇", "城关社区居民委员会", "城关社区第1网格", "城关社区第1网格第1微网格")
                .contains("href=\"/regions/1410291000010101?tab=households\"");
    }

    @Test
    void countsCarryThousandsSeparators() {
        String county = page("commander", "/regions/141029");
        assertThat(county).containsPattern("class=\"value\">\\d{1,3},\\d{3}</div>");
        assertThat(county).doesNotContainPattern("class=\"value\">\\d{4,}</div>");
    }
}
