package org.pingji.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads an official risk-area notice as published: "截至2022年3月16日6时：中风险区调整为低风险区3个：
 * 黑龙江省黑河市爱辉区…；上海市…。". Full- and half-width punctuation are equal, single line breaks
 * may fall anywhere (a blank line ends a paragraph), "24时" is midnight of the next day, and each
 * block's stated count is checked against the areas it lists.
 */
@Component
public class NoticeParser {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final Pattern AS_OF =
            Pattern.compile("截至(\\d{4})年(\\d{1,2})月(\\d{1,2})日(\\d{1,2})(?:时|点)(?:(\\d{1,2})分)?");
    private static final Pattern HEADER =
            Pattern.compile("(?:([高中低])风险(?:地区|区)?(?:调整为|调整至|升级为|升为|降级为|降为|调为|转为)|新增)([高中低])风险(?:地区|区)(?:(\\d+)个)?:?");
    private static final Pattern LEVEL_WORD = Pattern.compile("[高中低]风险(?:地区|区)");

    private final AddressResolver resolver;

    NoticeParser(AddressResolver resolver) {
        this.resolver = resolver;
    }

    /** The text with punctuation made half-width and line breaks removed, and each char's line. */
    record Normalized(String text, int[] lines) {
        int lineAt(int index) {
            if (lines.length == 0) {
                return 1;
            }
            return lines[Math.min(Math.max(index, 0), lines.length - 1)];
        }
    }

    static Normalized normalize(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int[] lines = new int[raw.length() + 1];
        int line = 1;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r') {
                // a blank line (two line breaks with only blanks between) ends a paragraph
                int j = i;
                int breaks = 0;
                while (j < raw.length() && Character.isWhitespace(raw.charAt(j))
                        || j < raw.length() && raw.charAt(j) == '\u3000') {
                    if (raw.charAt(j) == '\n') {
                        breaks++;
                    }
                    j++;
                }
                line += breaks;
                if (breaks >= 2 && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    lines[out.length()] = line;
                    out.append('\n');
                }
                i = j;
                continue;
            }
            char n =
                    switch (c) {
                        case '：' -> ':';
                        case '；' -> ';';
                        case '，' -> ',';
                        case '（' -> '(';
                        case '）' -> ')';
                        case '．' -> '.';
                        default -> (c >= '０' && c <= '９') ? (char) ('0' + (c - '０')) : c;
                    };
            if (Character.isWhitespace(n) || n == '\u3000' || n == '\u00a0') {
                i++;
                continue;
            }
            lines[out.length()] = line;
            out.append(n);
            i++;
        }
        int[] trimmed = new int[out.length()];
        System.arraycopy(lines, 0, trimmed, 0, out.length());
        return new Normalized(out.toString(), trimmed);
    }

    public ParsedNotice parse(String raw) {
        List<ParsedNotice.Problem> problems = new ArrayList<>();
        List<ParsedNotice.Adjustment> adjustments = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return new ParsedNotice(null, List.of(), List.of(new ParsedNotice.Problem(1, "公告内容为空")));
        }
        Normalized n = normalize(raw);
        String text = n.text();

        // as-of times by position
        List<int[]> asOfPositions = new ArrayList<>();
        List<Instant> asOfs = new ArrayList<>();
        Matcher m = AS_OF.matcher(text);
        while (m.find()) {
            Instant t = asOf(m, n, problems);
            if (t != null) {
                asOfPositions.add(new int[] {m.start(), m.end()});
                asOfs.add(t);
            }
        }
        if (asOfs.isEmpty()) {
            problems.add(new ParsedNotice.Problem(1, "缺少公告时间（如“截至2022年3月16日6时”）"));
        }

        List<int[]> headers = new ArrayList<>();
        List<java.util.regex.MatchResult> headerMatches = new ArrayList<>();
        List<int[]> bodies = new ArrayList<>();
        Matcher h = HEADER.matcher(text);
        while (h.find()) {
            headers.add(new int[] {h.start(), h.end()});
            headerMatches.add(h.toMatchResult());
        }
        if (headers.isEmpty()) {
            problems.add(new ParsedNotice.Problem(1, "未找到风险区调整（如“低风险区调整为高风险区4个：”）"));
        }
        for (int b = 0; b < headers.size(); b++) {
            java.util.regex.MatchResult hm = headerMatches.get(b);
            int start = headers.get(b)[0];
            int line = n.lineAt(start);
            RiskLevel from = hm.group(1) == null ? null : RiskLevel.ofChinese(hm.group(1));
            RiskLevel to = RiskLevel.ofChinese(hm.group(2));
            Integer stated = hm.group(3) == null ? null : Integer.valueOf(hm.group(3));
            if (stated == null) {
                problems.add(new ParsedNotice.Problem(line, "“%s”未写明个数".formatted(hm.group())));
            }
            if (from == to) {
                problems.add(new ParsedNotice.Problem(line, "“%s”调整前后等级相同".formatted(hm.group())));
            }
            Instant asOf = null;
            for (int a = 0; a < asOfPositions.size(); a++) {
                if (asOfPositions.get(a)[1] <= start) {
                    asOf = asOfs.get(a);
                }
            }
            if (asOf == null && !asOfs.isEmpty()) {
                problems.add(new ParsedNotice.Problem(line, "“%s”之前没有公告时间".formatted(hm.group())));
            }
            // the block runs to the next header, the next as-of, a paragraph break or the end
            int end = b + 1 < headers.size() ? headers.get(b + 1)[0] : text.length();
            for (int[] p : asOfPositions) {
                if (p[0] > start && p[0] < end) {
                    end = p[0];
                }
            }
            int paragraph = text.indexOf('\n', headers.get(b)[1]);
            if (paragraph >= 0 && paragraph < end) {
                end = paragraph;
            }
            bodies.add(new int[] {headers.get(b)[1], end});
            String body = text.substring(headers.get(b)[1], end);
            int bodyStart = headers.get(b)[1];
            int stop = body.indexOf('。');
            boolean terminated = stop >= 0;
            if (terminated) {
                body = body.substring(0, stop);
            }
            List<ParsedNotice.Area> areas = areas(body, bodyStart, n, problems);
            if (stated != null && stated != areas.size()) {
                String hint = !terminated && areas.size() < stated ? "，公告可能被截断（该段未以“。”结束）" : "";
                problems.add(new ParsedNotice.Problem(
                        line,
                        "“%s”声明%d个，实际列出%d个%s".formatted(hm.group().replace(":", ""), stated, areas.size(), hint)));
            }
            adjustments.add(new ParsedNotice.Adjustment(
                    from, to, stated == null ? areas.size() : stated, asOf, line, List.copyOf(areas)));
        }
        // a level word outside any recognised header is a block we could not read
        Matcher lw = LEVEL_WORD.matcher(text);
        while (lw.find()) {
            int at = lw.start();
            boolean inHeader = headers.stream().anyMatch(hh -> at >= hh[0] && at < hh[1]);
            boolean inArea = bodies.stream().anyMatch(bb -> at >= bb[0] && at < bb[1]);
            if (!inHeader && !inArea) {
                problems.add(new ParsedNotice.Problem(n.lineAt(at), "无法识别的调整说明：“%s”".formatted(snippet(text, at))));
            }
        }
        Instant first = asOfs.isEmpty() ? null : asOfs.getFirst();
        return new ParsedNotice(first, List.copyOf(adjustments), List.copyOf(problems));
    }

    private static String snippet(String text, int at) {
        return text.substring(at, Math.min(text.length(), at + 20));
    }

    private Instant asOf(Matcher m, Normalized n, List<ParsedNotice.Problem> problems) {
        int line = n.lineAt(m.start());
        try {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            int hour = Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) {
                problems.add(new ParsedNotice.Problem(line, "公告时间无效：“%s”".formatted(m.group())));
                return null;
            }
            LocalDate date = LocalDate.of(year, month, day);
            LocalDateTime t = hour == 24 ? date.plusDays(1).atStartOfDay() : date.atTime(hour, minute);
            return t.atZone(BEIJING).toInstant();
        } catch (java.time.DateTimeException e) {
            problems.add(new ParsedNotice.Problem(line, "公告时间无效：“%s”".formatted(m.group())));
            return null;
        }
    }

    /** Splits a block's list at top-level separators and resolves each area in its list's context. */
    private List<ParsedNotice.Area> areas(
            String body, int bodyStart, Normalized n, List<ParsedNotice.Problem> problems) {
        List<ParsedNotice.Area> out = new ArrayList<>();
        AddressResolver.Context context = AddressResolver.Context.EMPTY;
        int depth = 0;
        int itemStart = 0;
        boolean resetBefore = true;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ';';
            if (c == '(' || c == '【' || c == '“') {
                depth++;
            } else if ((c == ')' || c == '】' || c == '”') && depth > 0) {
                depth--;
            }
            boolean separator = depth == 0 && (c == ';' || c == '、' || c == ',') || i == body.length();
            if (!separator) {
                continue;
            }
            String item = body.substring(itemStart, i).strip();
            int line = n.lineAt(bodyStart + itemStart);
            if (!item.isEmpty()) {
                if (resetBefore) {
                    context = AddressResolver.Context.EMPTY;
                }
                AddressResolver.Resolution r = resolver.resolve(item, context);
                if (!r.resolved()) {
                    problems.add(new ParsedNotice.Problem(line, "无法识别“%s”所在的省份或城市".formatted(item)));
                    out.add(new ParsedNotice.Area(item, item, "", "", false, line));
                } else {
                    String name = resolver.fullName(r.code());
                    out.add(new ParsedNotice.Area(
                            item, name + item.substring(r.matched()), r.code(), name, r.inherited(), line));
                    context = r.next();
                }
            }
            resetBefore = c == ';';
            itemStart = i + 1;
        }
        return out;
    }
}
