package org.pingji.grid;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The printable code of a place (场所码): {@code P} + the place id in base 36 + one check
 * character, e.g. {@code P2N9K}. Short enough to type when a QR code cannot be scanned; the check
 * character catches a mistyped or misread character.
 */
public final class PlaceCode {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private PlaceCode() {}

    /** The code of the place with this id. */
    public static String of(long placeId) {
        if (placeId <= 0) {
            throw new IllegalArgumentException("场所编号须为正数：" + placeId);
        }
        String body = Long.toString(placeId, 36).toUpperCase(Locale.ROOT);
        return "P" + body + check(body);
    }

    /** The place id of a well-formed code, or empty for anything else. */
    public static OptionalLong parse(String code) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.length() < 3 || c.length() > 15 || c.charAt(0) != 'P') {
            return OptionalLong.empty();
        }
        String body = c.substring(1, c.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            if (DIGITS.indexOf(body.charAt(i)) < 0) {
                return OptionalLong.empty();
            }
        }
        if (check(body) != c.charAt(c.length() - 1)) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(body, 36);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private static char check(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (i + 2) * DIGITS.indexOf(body.charAt(i));
        }
        return DIGITS.charAt(sum % 36);
    }
}
