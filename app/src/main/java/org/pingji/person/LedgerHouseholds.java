package org.pingji.person;

import java.util.function.Function;

/**
 * Which household a ledger row belongs to. A 户编号 names it. Otherwise 与户主关系 does:
 * a 户主 (or 本人) row opens a household and the rows below it with other relations (配偶, 子女,
 * 父母 …) join it. Without either column, persons at the same 现住址 form one household. Keys are
 * stable across imports (a keyed hash of the head's ID or of the address), so a later ledger of
 * the same community finds the households again.
 */
final class LedgerHouseholds {

    private final LedgerColumns.Header header;
    private final Function<String, String> keys;
    private String current;

    LedgerHouseholds(LedgerColumns.Header header, Function<String, String> keys) {
        this.header = header;
        this.keys = keys;
    }

    static boolean head(String relation) {
        return switch (relation) {
            case "户主", "本人", "本人（户主）", "本人(户主)", "户主本人" -> true;
            default -> false;
        };
    }

    /** The row's household key, or null with a problem added. */
    String key(RowProblems row, ResidentId id, String household, String relation, String address) {
        if (!household.isEmpty()) {
            if (household.length() > 32) {
                row.add(LedgerColumns.HOUSEHOLD, household.substring(0, 20) + "…", "户编号不能超过32个字符");
                return null;
            }
            return household;
        }
        if (header.has(LedgerColumns.RELATION)) {
            if (head(relation) || (relation.isEmpty() && current == null)) {
                current = "户主" + keys.apply(id == null ? "row" + row.number() : id.value());
                return current;
            }
            if (current == null) {
                row.add(LedgerColumns.RELATION, relation, "与户主关系为「%s」，但上方没有户主行".formatted(relation));
                return null;
            }
            return current;
        }
        if (!address.isEmpty()) {
            return "址" + keys.apply(address.replaceAll("[\\s\u3000]", ""));
        }
        if (header.has(LedgerColumns.HOUSEHOLD)) {
            row.add(LedgerColumns.HOUSEHOLD, household, "户编号不能为空");
            return null;
        }
        return "人" + keys.apply(id == null ? "row" + row.number() : id.value());
    }
}
