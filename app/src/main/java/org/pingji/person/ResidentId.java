package org.pingji.person;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A validated 18-character resident identity number (GB 11643-1999): 6-digit division code,
 * 8-digit birth date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2
 * check character ({@code 0-9} or {@code X}).
 */
public record ResidentId(String value, LocalDate birthDate, Sex sex) {

    /** Sex derived from the sequence number's parity. */
    public enum Sex {
        M,
        F
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /**
     * Parses and validates an ID; a lower-case {@code x} is accepted and normalised.
     *
     * @param today birth dates after this day are refused
     * @throws IllegalArgumentException with a Chinese message naming what is wrong
     */
    public static ResidentId parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("身份证号为空");
        }
        String value = raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (value.length() != 18) {
            throw new IllegalArgumentException("身份证号应为18位，实际为%d位".formatted(value.length()));
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                throw new IllegalArgumentException("身份证号前17位须为数字");
            }
        }
        char last = value.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new IllegalArgumentException("身份证号末位须为数字或X");
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (last != expected) {
            throw new IllegalArgumentException("身份证号校验位错误（应为%s）".formatted(expected));
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("身份证号中的出生日期%s不存在".formatted(value.substring(6, 14)));
        }
        if (birth.isAfter(today)) {
            throw new IllegalArgumentException("身份证号中的出生日期%s晚于今天".formatted(birth));
        }
        if (birth.getYear() < 1900) {
            throw new IllegalArgumentException("身份证号中的出生日期%s早于1900年".formatted(birth));
        }
        Sex sex = (value.charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F;
        return new ResidentId(value, birth, sex);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The display form: first four and last four characters, ten stars between. */
    public String masked() {
        return mask(value);
    }

    /** Masks an 18-character ID as {@code 1410**********1234}. */
    public static String mask(String value) {
        return value.substring(0, 4) + "**********" + value.substring(14);
    }

    @Override
    public String toString() {
        return "ResidentId[" + masked() + "]";
    }
}
