package org.pingji.person;

import java.util.Arrays;
import java.util.Optional;

/** How a person lives in the county, with the label used in Chinese ledgers. */
public enum ResidenceKind {
    REGISTERED("户籍人口"),
    TEMPORARY("暂住人口"),
    NON_RESIDENT("流动人口");

    private final String label;

    ResidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the Chinese label or the enum name. */
    public static Optional<ResidenceKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values())
                .filter(k -> k.label.equals(t) || k.name().equalsIgnoreCase(t) || k.label.startsWith(t))
                .findFirst();
    }
}
