package org.pingji.person;

/** Mainland mobile numbers: 11 digits starting with 1 and a second digit 3-9. */
public final class Phone {

    private Phone() {}

    /**
     * Normalises and validates a phone number; returns null for blank input.
     *
     * @throws IllegalArgumentException with a Chinese message for anything else
     */
    public static String parseOptional(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.trim().replace(" ", "").replace("-", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("手机号只能包含数字");
        }
        if (digits.length() != 11) {
            throw new IllegalArgumentException("手机号应为11位，实际为%d位".formatted(digits.length()));
        }
        if (digits.charAt(0) != '1' || digits.charAt(1) < '3') {
            throw new IllegalArgumentException("手机号须以13-19开头");
        }
        return digits;
    }

    /** Masks as {@code 138****1234}. */
    public static String mask(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
