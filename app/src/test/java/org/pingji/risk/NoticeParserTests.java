package org.pingji.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoticeParserTests {

    static final Divisions DIVISIONS = new Divisions();
    static final AddressResolver RESOLVER = new AddressResolver(DIVISIONS);
    final NoticeParser parser = new NoticeParser(RESOLVER);

    /** The seed's notice (004), whose medium-risk list is cut off after 21 of 53 areas. */
    static final String SEED =
            """
            截至2022年3月16日6时:

            中风险区调整为低风险区3个:黑龙江省黑河市爱辉区网通小区医院小区1号楼;上海市普陀区石泉街道宁强路33号石泉社区文化活动中心;山东省青岛市黄岛区九龙江路53号甘水湾小区。

            低风险区调整为高风险区4个:天津市西青区西营门街东升里商业街西区(三区);山东省淄博市周村区北部镇大埠村;广东省东莞市松山湖高新技术产业开发区台科片区;江苏省南京市江宁区东山街道湖西雅居苑苑。

            低风险区调整为中风险区53个:江苏省常州市武进区湖塘镇张家村委张家村、武进区湖塘镇魏鸣鸣东街、武进区中塘镇红星国际广场、金山项目部二期(武进区西塘街道湖湖农场稻香路101-1)、新北区奔牛镇陈巷村夏家塘、天宁区青龙街道彩虹城、南京市洪武路街道现代大厦、江宁区东山街道武夷水岸家园度假区2幢、安和家园7幢、青山湾花园小区、秣陵街道殷雪新高44幢、秦淮区洪武路街道现代大厦;山东省淄博市张店区共青团东路恒嘉园55号楼、淄川区杨柳楼泰村、周村区北部镇新城悦悦江山小区20号楼、周村区文化路街道天苑生活区2号楼、周村区南部镇小村2号楼、周村区永安街道大新村2村东一巷35号、周村区丝绸路街道办事处水产宿舍1号楼、周村区明水镇前二村、桓台县天煜花园7号
            """;

    @Test
    void theSeedNoticeIsReadBlockByBlockAndItsTruncationIsAProblem() {
        ParsedNotice p = parser.parse(SEED);
        assertThat(p.asOf()).isEqualTo(Instant.parse("2022-03-15T22:00:00Z"));
        assertThat(p.adjustments()).hasSize(3);
        var first = p.adjustments().get(0);
        assertThat(first.from()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(first.to()).isEqualTo(RiskLevel.LOW);
        assertThat(first.statedCount()).isEqualTo(3);
        assertThat(first.areas())
                .extracting(ParsedNotice.Area::resolvedCode)
                .containsExactly("231102", "310107", "370211");
        var high = p.adjustments().get(1);
        assertThat(high.to()).isEqualTo(RiskLevel.HIGH);
        assertThat(high.areas()).hasSize(4);
        assertThat(high.areas().get(0).resolvedCode()).startsWith("120111");
        assertThat(high.areas().get(1).resolvedCode()).startsWith("370306");
        assertThat(high.areas().get(3).resolvedCode()).startsWith("320115");
        var medium = p.adjustments().get(2);
        assertThat(medium.areas()).hasSize(21);
        // "武进区…" after "江苏省常州市…" keeps Jiangsu; "南京市…" switches the city
        assertThat(medium.areas().get(1).resolvedCode()).startsWith("320412");
        assertThat(medium.areas().get(6).resolvedCode()).startsWith("3201");
        // an area naming no division continues the previous one's county
        assertThat(medium.areas().get(8).inherited()).isTrue();
        assertThat(medium.areas().get(8).resolvedCode()).isEqualTo("320115");
        assertThat(p.problems()).extracting(ParsedNotice.Problem::message).anySatisfy(m -> assertThat(m)
                .contains("声明53个，实际列出21个", "截断"));
    }

    @Test
    void punctuationWidthLineBreaksAnd24hAreAllAccepted() {
        String text = "截至2022年4月12日24时：\n低风险区调整为高风险区2个：山西省临汾市乡宁县昌宁镇\n幸福湾社区；北京市朝阳区\n望京街道某小区。";
        ParsedNotice p = parser.parse(text);
        assertThat(p.problems()).isEmpty();
        assertThat(p.asOf()).isEqualTo(Instant.parse("2022-04-12T16:00:00Z"));
        assertThat(p.adjustments().getFirst().areas())
                .extracting(ParsedNotice.Area::resolvedCode)
                .containsExactly("141029100002", "110105026");
        assertThat(p.adjustments().getFirst().areas().get(1).line()).isEqualTo(3);
    }

    @Test
    void unknownProvincesCountsAndMissingTimesAreProblemsWithLines() {
        ParsedNotice p = parser.parse("低风险区调整为中风险区2个:\n火星省某市某区某小区。");
        assertThat(p.problems())
                .extracting(ParsedNotice.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("缺少公告时间"))
                .anySatisfy(m -> assertThat(m).contains("无法识别“火星省某市某区某小区”"))
                .anySatisfy(m -> assertThat(m).contains("声明2个，实际列出1个"));
        assertThat(p.problems()).anySatisfy(pr -> assertThat(pr.line()).isEqualTo(2));
        assertThat(parser.parse("截至2022年2月30日6时:新增高风险区1个:北京市朝阳区。").problems())
                .extracting(ParsedNotice.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("公告时间无效"));
    }

    @Test
    void aMegabyteOfNoticeTextParses() {
        StringBuilder sb = new StringBuilder("截至2022年3月16日6时:低风险区调整为中风险区N个:");
        int count = 0;
        while (sb.length() < 1_000_000) {
            sb.append(count % 2 == 0 ? "江苏省常州市武进区湖塘镇张家村" : "山东省淄博市周村区北部镇大埠村")
                    .append(count)
                    .append("号楼;");
            count++;
        }
        sb.append("江苏省南京市江宁区东山街道末尾小区。");
        count++;
        String text = sb.toString().replace("N个", count + "个");
        long start = System.nanoTime();
        ParsedNotice p = parser.parse(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(p.problems()).isEmpty();
        assertThat(p.areaCount()).isEqualTo(count);
        System.out.printf("Parsed %d chars, %d areas in %d ms%n", text.length(), count, millis);
    }
}
