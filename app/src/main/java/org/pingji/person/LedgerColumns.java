package org.pingji.person;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Chinese headers of the person ledger template and how to find them in a sheet. */
final class LedgerColumns {

    static final String NAME = "姓名";
    static final String RESIDENT_ID = "身份证号";
    static final String PHONE = "手机号";
    static final String MICRO_GRID = "微网格编码";
    static final String HOUSEHOLD = "户编号";
    static final String ADDRESS = "住址";
    static final String RESIDENCE = "居住类型";

    static final List<String> ALL = List.of(NAME, RESIDENT_ID, PHONE, MICRO_GRID, HOUSEHOLD, ADDRESS, RESIDENCE);
    static final List<String> REQUIRED = List.of(NAME, RESIDENT_ID, MICRO_GRID, HOUSEHOLD);

    private LedgerColumns() {}

    /** A header cell as written by people: spaces (also full-width), a '*' for required, colons. */
    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        return header.replace("\u3000", "")
                .replace(" ", "")
                .replace("*", "")
                .replace("＊", "")
                .replace("：", "")
                .replace(":", "")
                .replace("\n", "")
                .trim();
    }

    /** Column index per known header in this row; a header row holds at least 姓名 and 身份证号. */
    static Map<String, Integer> find(List<String> cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String h = normalise(cells.get(i));
            String known =
                    switch (h) {
                        case "姓名" -> NAME;
                        case "身份证号", "身份证号码", "公民身份号码", "证件号码" -> RESIDENT_ID;
                        case "手机号", "手机号码", "联系电话", "电话" -> PHONE;
                        case "微网格编码", "微网格代码", "微网格" -> MICRO_GRID;
                        case "户编号", "户号" -> HOUSEHOLD;
                        case "住址", "地址", "家庭住址" -> ADDRESS;
                        case "居住类型", "人口类型", "人员类型" -> RESIDENCE;
                        default -> null;
                    };
            if (known != null && !columns.containsKey(known)) {
                columns.put(known, i);
            }
        }
        return columns.containsKey(NAME) && columns.containsKey(RESIDENT_ID) ? columns : Map.of();
    }
}
