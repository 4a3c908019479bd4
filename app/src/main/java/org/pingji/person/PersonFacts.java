package org.pingji.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a resident ID says about its holder, held against a ledger's 性别 and 出生日期 columns:
 * the 17th digit is odd for men and even for women, digits 7–14 are the birth date.
 */
record PersonFacts(ResidentId id) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\D?(\\d{1,2})\\D?(\\d{1,2})\\D?");

    void check(RowProblems row, String sex, String birthDate) {
        if (!sex.isEmpty()) {
            ResidentId.Sex given = sex(sex);
            if (given == null) {
                row.add(LedgerColumns.SEX, sex, "性别应为男或女");
            } else if (given != id.sex()) {
                row.add(
                        LedgerColumns.SEX,
                        sex,
                        "性别「%s」与身份证号不符（第17位为%s数，应为%s）"
                                .formatted(
                                        sex,
                                        id.sex() == ResidentId.Sex.M ? "奇" : "偶",
                                        id.sex() == ResidentId.Sex.M ? "男" : "女"));
            }
        }
        if (!birthDate.isEmpty()) {
            LocalDate given = date(birthDate);
            if (given == null) {
                row.add(LedgerColumns.BIRTH_DATE, birthDate, "无法识别的出生日期，应如1990-01-31");
            } else if (!given.equals(id.birthDate())) {
                row.add(LedgerColumns.BIRTH_DATE, birthDate, "出生日期与身份证号中的出生日期%s不符".formatted(id.birthDate()));
            }
        }
    }

    static ResidentId.Sex sex(String text) {
        return switch (text.trim()) {
            case "男", "男性", "M", "m" -> ResidentId.Sex.M;
            case "女", "女性", "F", "f" -> ResidentId.Sex.F;
            default -> null;
        };
    }

    /** 1990-01-31, 1990/1/31, 1990.1.31, 19900131, 1990年1月31日; null when none of these. */
    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
