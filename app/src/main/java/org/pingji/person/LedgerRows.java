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
 * Checks ledger rows one by one, without the database: every field of every row, resident IDs
 * repeated within the file, and which household and micro-grid each row goes to. Problems name
 * the sheet row as Excel shows it, the file's own header and, where the ledger numbers its rows,
 * the 序号.
 */
final class LedgerRows {

    /**
     * A row that passed every check. {@code region} is its micro-grid, or the import's target
     * region above micro-grid level when {@code unassigned}.
     */
    record ValidRow(
            int row,
            String name,
            ResidentId residentId,
            String phone,
            Region region,
            boolean unassigned,
            String householdKey,
            String address,
            ResidenceKind residence,
            String relation,
            List<String> cells) {}

    private final Caller caller;
    private final Function<String, Optional<Region>> regions;
    private final LocalDate today;
    private final Region target;
    private final LedgerColumns.Header header;
    private final LedgerHouseholds households;
    private final Map<String, Integer> firstRowOfId = new HashMap<>();

    /**
     * @param target the region the caller imports into; null for ledgers that name a micro-grid per row
     * @param keys makes a household key from a resident ID or an address (a keyed hash)
     */
    LedgerRows(
            Caller caller,
            Function<String, Optional<Region>> regions,
            LocalDate today,
            Region target,
            LedgerColumns.Header header,
            Function<String, String> keys) {
        this.caller = caller;
        this.regions = regions;
        this.today = today;
        this.target = target;
        this.header = header;
        this.households = new LedgerHouseholds(header, keys);
    }

    /** True for rows below the header that hold no person: blank, notes, the template's 示例 row. */
    boolean skip(List<String> cells) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return true;
        }
        String first = cells.isEmpty() || cells.getFirst() == null
                ? ""
                : cells.getFirst().trim();
        if (first.equals("示例") || cell(cells, LedgerColumns.SERIAL).equals("示例")) {
            return true;
        }
        return cell(cells, LedgerColumns.NAME).isEmpty()
                && cell(cells, LedgerColumns.RESIDENT_ID).isEmpty();
    }

    /** Validates one row; adds its problems and returns the row only when it has none. */
    Optional<ValidRow> check(int rowNo, List<String> cells, List<ImportProblem> problems) {
        var row = new RowProblems(rowNo, cell(cells, LedgerColumns.SERIAL), problems, this::header);
        String name = cell(cells, LedgerColumns.NAME);
        if (name.isEmpty()) {
            row.add(LedgerColumns.NAME, name, "姓名不能为空");
        } else if (name.length() > 50) {
            row.add(LedgerColumns.NAME, name.substring(0, 20) + "…", "姓名不能超过50个字");
        }
        ResidentId residentId = residentId(row, cell(cells, LedgerColumns.RESIDENT_ID));
        if (residentId != null) {
            new PersonFacts(residentId)
                    .check(row, cell(cells, LedgerColumns.SEX), cell(cells, LedgerColumns.BIRTH_DATE));
        }
        String phone = null;
        String rawPhone = cell(cells, LedgerColumns.PHONE);
        try {
            phone = Phone.parseOptional(rawPhone);
        } catch (IllegalArgumentException e) {
            row.add(LedgerColumns.PHONE, rawPhone, e.getMessage());
        }
        Region region = region(row, cell(cells, LedgerColumns.MICRO_GRID));
        String address = cell(cells, LedgerColumns.ADDRESS);
        if (address.length() > 200) {
            row.add(LedgerColumns.ADDRESS, address.substring(0, 20) + "…", "住址不能超过200个字");
        }
        String relation = cell(cells, LedgerColumns.RELATION);
        String household = households.key(row, residentId, cell(cells, LedgerColumns.HOUSEHOLD), relation, address);
        String rawResidence = cell(cells, LedgerColumns.RESIDENCE);
        ResidenceKind residence = ResidenceKind.REGISTERED;
        if (!rawResidence.isEmpty()) {
            Optional<ResidenceKind> parsed = ResidenceKind.parse(rawResidence);
            if (parsed.isEmpty()) {
                row.add(
                        LedgerColumns.RESIDENCE,
                        rawResidence,
                        "无法识别的%s「%s」，应为%s"
                                .formatted(header(LedgerColumns.RESIDENCE), rawResidence, ResidenceKind.ACCEPTED));
            } else {
                residence = parsed.get();
            }
        }
        if (row.any()) {
            return Optional.empty();
        }
        return Optional.of(new ValidRow(
                rowNo,
                name,
                residentId,
                phone,
                region,
                region.level() != RegionLevel.MICRO_GRID,
                household,
                address.isEmpty() ? null : address,
                residence,
                relation.isEmpty() ? null : relation,
                cells));
    }

    private ResidentId residentId(RowProblems row, String raw) {
        if (raw.matches("\\d(\\.\\d+)?[Ee]\\+?\\d+")) {
            row.add(LedgerColumns.RESIDENT_ID, raw, "身份证号被Excel存成了数字（%s），后几位已丢失：请把该列设为文本格式后重新填写".formatted(raw));
            return null;
        }
        try {
            ResidentId id = ResidentId.parse(raw, today);
            Integer earlier = firstRowOfId.putIfAbsent(id.value(), row.number());
            if (earlier != null) {
                row.add(LedgerColumns.RESIDENT_ID, id.masked(), "身份证号与第%d行重复".formatted(earlier));
            }
            return id;
        } catch (IllegalArgumentException e) {
            row.add(LedgerColumns.RESIDENT_ID, display(raw), e.getMessage());
            return null;
        }
    }

    /** The row's micro-grid: the target micro-grid, the row's own code, or the target region (unassigned). */
    private Region region(RowProblems row, String code) {
        if (target != null && target.level() == RegionLevel.MICRO_GRID) {
            return target;
        }
        if (code.isEmpty()) {
            if (target == null) {
                row.add(LedgerColumns.MICRO_GRID, code, "微网格编码不能为空（或在导入时选择目标区域）");
            }
            return target;
        }
        Optional<Region> region = regions.apply(code);
        if (region.isEmpty()) {
            row.add(LedgerColumns.MICRO_GRID, code, "未知的区划代码");
        } else if (region.get().level() != RegionLevel.MICRO_GRID) {
            row.add(LedgerColumns.MICRO_GRID, code, "该代码不是微网格");
        } else if (!caller.covers(region.get().path()) || (target != null && !target.contains(region.get()))) {
            row.add(
                    LedgerColumns.MICRO_GRID,
                    code,
                    target == null ? "该微网格不在您的辖区" : "该微网格不在导入区域「%s」内".formatted(target.name()));
        } else {
            return region.get();
        }
        return target;
    }

    /** The column as the file names it (without marks), e.g. 身份证号码 for our 身份证号. */
    String header(String column) {
        Integer index = header.columns().get(column);
        if (index == null) {
            return column;
        }
        String h = LedgerColumns.normalise(header.cells().get(index));
        return h.isEmpty() ? column : h;
    }

    /** An ID-like value is shown masked in reports; anything else as typed. */
    static String display(String raw) {
        String v = raw == null ? "" : raw.trim();
        return v.length() == 18 ? ResidentId.mask(v.toUpperCase(java.util.Locale.ROOT)) : v;
    }

    String cell(List<String> cells, String column) {
        Integer index = header.columns().get(column);
        if (index == null || index >= cells.size() || cells.get(index) == null) {
            return "";
        }
        return cells.get(index).replace("\u3000", " ").trim();
    }
}
