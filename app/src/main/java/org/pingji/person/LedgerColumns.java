package org.pingji.person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a person ledger: the Chinese headers of our template and the synonyms that
 * community ledgers use for them, and how to find the header row in a sheet.
 */
final class LedgerColumns {

    static final String SERIAL = "序号";
    static final String NAME = "姓名";
    static final String SEX = "性别";
    static final String RESIDENT_ID = "身份证号";
    static final String BIRTH_DATE = "出生日期";
    static final String PHONE = "手机号";
    static final String MICRO_GRID = "微网格编码";
    static final String HOUSEHOLD = "户编号";
    static final String ADDRESS = "住址";
    static final String RELATION = "与户主关系";
    static final String RESIDENCE = "居住类型";

    private static final Map<String, String> SYNONYMS = synonyms();

    /** A header row found: column index per known column, and the headers we do not know. */
    record Header(int row, Map<String, Integer> columns, List<String> unknown, List<String> cells) {

        boolean has(String column) {
            return columns.containsKey(column);
        }
    }

    private LedgerColumns() {}

    private static Map<String, String> synonyms() {
        Map<String, String> s = new LinkedHashMap<>();
        put(s, SERIAL, "序号", "序", "编号", "排序");
        put(s, NAME, "姓名", "名字", "人员姓名", "居民姓名");
        put(s, SEX, "性别");
        put(s, RESIDENT_ID, "身份证号", "身份证号码", "身份证", "公民身份号码", "公民身份证号码", "证件号码", "证件号", "身份证件号码");
        put(s, BIRTH_DATE, "出生日期", "出生年月日", "出生年月");
        put(s, PHONE, "手机号", "手机号码", "手机", "联系电话", "电话", "电话号码", "联系方式", "联系手机");
        put(s, MICRO_GRID, "微网格编码", "微网格代码", "微网格");
        put(s, HOUSEHOLD, "户编号", "户号");
        put(s, ADDRESS, "住址", "现住址", "地址", "家庭住址", "居住地址", "现居住地址", "现居住地", "详细地址", "现住地址");
        put(s, RELATION, "与户主关系", "与户主的关系", "户内关系", "家庭关系", "关系");
        put(s, RESIDENCE, "居住类型", "人员类别", "人员类型", "人口类型", "人口类别", "居住类别", "人员属性");
        return Map.copyOf(s);
    }

    private static void put(Map<String, String> map, String column, String... names) {
        for (String n : names) {
            map.put(n, column);
        }
    }

    /** A header cell as written by people: spaces (also full-width), '*' for required, colons, notes in brackets. */
    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        return header.replaceAll("[(（\\[【].*?[)）\\]】]", "")
                .replaceAll("[\\s\u3000*＊:：]", "")
                .trim();
    }

    /** The column a header names, or null. */
    static String known(String header) {
        return SYNONYMS.get(normalise(header));
    }

    /**
     * The header of this row, if it is one: a header row names 姓名 and a resident ID column.
     * Later duplicates of a known column and unknown headers are listed as unknown.
     */
    static java.util.Optional<Header> find(int row, List<String> cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String raw = cells.get(i) == null ? "" : cells.get(i).trim();
            if (raw.isEmpty()) {
                continue;
            }
            String column = known(raw);
            if (column != null && !columns.containsKey(column)) {
                columns.put(column, i);
            } else {
                unknown.add(raw);
            }
        }
        if (!columns.containsKey(NAME) || !columns.containsKey(RESIDENT_ID)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Header(row, Map.copyOf(columns), List.copyOf(unknown), List.copyOf(cells)));
    }
}
