package org.pingji.person;

import java.util.Map;
import java.util.Optional;

/**
 * How a person lives in the county, with the label used in Chinese ledgers. Community ledgers
 * name the kinds in many ways ({@link #parse} knows them): 常住 and 户籍 are registered here and
 * living here, 暂住 and 寄住 live here without being registered, 流动 pass through, 外出 are
 * registered here but away.
 */
public enum ResidenceKind {
    REGISTERED("户籍人口"),
    TEMPORARY("暂住人口"),
    NON_RESIDENT("流动人口"),
    AWAY("外出人员");

    private static final Map<String, ResidenceKind> WORDS = Map.ofEntries(
            Map.entry("户籍", REGISTERED),
            Map.entry("户籍人口", REGISTERED),
            Map.entry("常住", REGISTERED),
            Map.entry("常住人口", REGISTERED),
            Map.entry("户籍常住", REGISTERED),
            Map.entry("本地", REGISTERED),
            Map.entry("本地人口", REGISTERED),
            Map.entry("暂住", TEMPORARY),
            Map.entry("暂住人口", TEMPORARY),
            Map.entry("寄住", TEMPORARY),
            Map.entry("寄住人口", TEMPORARY),
            Map.entry("租住", TEMPORARY),
            Map.entry("外来常住", TEMPORARY),
            Map.entry("流动", NON_RESIDENT),
            Map.entry("流动人口", NON_RESIDENT),
            Map.entry("外来", NON_RESIDENT),
            Map.entry("外来人口", NON_RESIDENT),
            Map.entry("外出", AWAY),
            Map.entry("外出人员", AWAY),
            Map.entry("外出人口", AWAY),
            Map.entry("人户分离", AWAY));

    /** The values a ledger may use, for error messages. */
    public static final String ACCEPTED = "户籍、常住、暂住、寄住、流动、外出";

    private final String label;

    ResidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the Chinese words of community ledgers, the labels and the enum names. */
    public static Optional<ResidenceKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.replaceAll("[\\s\u3000]", "");
        ResidenceKind kind = WORDS.get(t);
        if (kind != null) {
            return Optional.of(kind);
        }
        for (ResidenceKind k : values()) {
            if (k.name().equalsIgnoreCase(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
