package org.pingji.person;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pingji.access.Caller;
import org.pingji.grid.Region;
import org.pingji.grid.RegionLevel;

/**
 * Checks ledger rows one by one, without the database: every field of every row, and resident
 * IDs repeated within the file. Problems name the Excel row and the Chinese column.
 */
final class LedgerRows {

    /** A row that passed every check. */
    record ValidRow(
            int row,
            String name,
            ResidentId residentId,
            String phone,
            Region microGrid,
            String householdKey,
            String address,
            ResidenceKind residence) {}

    private final Caller caller;
    private final Function<String, Optional<Region>> regions;
    private final LocalDate today;
    private final Map<String, Integer> firstRowOfId = new HashMap<>();

    LedgerRows(Caller caller, Function<String, Optional<Region>> regions, LocalDate today) {
        this.caller = caller;
        this.regions = regions;
        this.today = today;
    }

    /** Validates one row; adds its problems and returns the row only when it has none. */
    Optional<ValidRow> check(
            int rowNo, Map<String, Integer> columns, List<String> cells, List<ImportProblem> problems) {
        int before = problems.size();
        String name = cell(cells, columns, LedgerColumns.NAME);
        if (name.isEmpty()) {
            problems.add(new ImportProblem(rowNo, LedgerColumns.NAME, name, "姓名不能为空"));
        } else if (name.length() > 50) {
            problems.add(new ImportProblem(rowNo, LedgerColumns.NAME, name.substring(0, 20) + "…", "姓名不能超过50个字"));
        }
        String rawId = cell(cells, columns, LedgerColumns.RESIDENT_ID);
        ResidentId residentId = null;
        try {
            residentId = ResidentId.parse(rawId, today);
            Integer earlier = firstRowOfId.putIfAbsent(residentId.value(), rowNo);
            if (earlier != null) {
                problems.add(new ImportProblem(
                        rowNo, LedgerColumns.RESIDENT_ID, residentId.masked(), "身份证号与第%d行重复".formatted(earlier)));
            }
        } catch (IllegalArgumentException e) {
            String hint = rawId.contains("E") || rawId.contains("e") ? "（请将该列设为文本格式）" : "";
            problems.add(new ImportProblem(rowNo, LedgerColumns.RESIDENT_ID, display(rawId), e.getMessage() + hint));
        }
        String phone = null;
        String rawPhone = cell(cells, columns, LedgerColumns.PHONE);
        try {
            phone = Phone.parseOptional(rawPhone);
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(rowNo, LedgerColumns.PHONE, rawPhone, e.getMessage()));
        }
        String code = cell(cells, columns, LedgerColumns.MICRO_GRID);
        Region microGrid = null;
        if (code.isEmpty()) {
            problems.add(new ImportProblem(rowNo, LedgerColumns.MICRO_GRID, code, "微网格编码不能为空"));
        } else {
            Optional<Region> region = regions.apply(code);
            if (region.isEmpty()) {
                problems.add(new ImportProblem(rowNo, LedgerColumns.MICRO_GRID, code, "未知的区划代码"));
            } else if (region.get().level() != RegionLevel.MICRO_GRID) {
                problems.add(new ImportProblem(rowNo, LedgerColumns.MICRO_GRID, code, "该代码不是微网格"));
            } else if (!caller.covers(region.get().path())) {
                problems.add(new ImportProblem(rowNo, LedgerColumns.MICRO_GRID, code, "该微网格不在您的辖区"));
            } else {
                microGrid = region.get();
            }
        }
        String household = cell(cells, columns, LedgerColumns.HOUSEHOLD);
        if (household.isEmpty()) {
            problems.add(new ImportProblem(rowNo, LedgerColumns.HOUSEHOLD, household, "户编号不能为空"));
        } else if (household.length() > 32) {
            problems.add(new ImportProblem(
                    rowNo, LedgerColumns.HOUSEHOLD, household.substring(0, 20) + "…", "户编号不能超过32个字符"));
        }
        String address = cell(cells, columns, LedgerColumns.ADDRESS);
        if (address.length() > 200) {
            problems.add(
                    new ImportProblem(rowNo, LedgerColumns.ADDRESS, address.substring(0, 20) + "…", "住址不能超过200个字"));
        }
        String rawResidence = cell(cells, columns, LedgerColumns.RESIDENCE);
        ResidenceKind residence = ResidenceKind.REGISTERED;
        if (!rawResidence.isEmpty()) {
            Optional<ResidenceKind> parsed = ResidenceKind.parse(rawResidence);
            if (parsed.isEmpty()) {
                problems.add(new ImportProblem(rowNo, LedgerColumns.RESIDENCE, rawResidence, "居住类型应为户籍人口、暂住人口或流动人口"));
            } else {
                residence = parsed.get();
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ValidRow(
                rowNo, name, residentId, phone, microGrid, household, address.isEmpty() ? null : address, residence));
    }

    /** An ID-like value is shown masked in reports; anything else as typed. */
    static String display(String raw) {
        String v = raw == null ? "" : raw.trim();
        return v.length() == 18 ? ResidentId.mask(v.toUpperCase(java.util.Locale.ROOT)) : v;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= cells.size() || cells.get(index) == null) {
            return "";
        }
        return cells.get(index).replace("\u3000", " ").trim();
    }
}
