package org.pingji.quarantine;

import java.util.Arrays;
import java.util.Optional;

/** The symptoms listed in the notices: any one of them raises an alert and a fever-clinic referral. */
public enum Symptom {
    COUGH("干咳"),
    SORE_THROAT("咽痛"),
    FATIGUE("乏力"),
    LOSS_OF_SMELL("嗅觉减退"),
    LOSS_OF_TASTE("味觉减退"),
    NASAL_CONGESTION("鼻塞"),
    RUNNY_NOSE("流涕"),
    CONJUNCTIVITIS("结膜炎"),
    MYALGIA("肌痛"),
    DIARRHEA("腹泻"),
    SHORTNESS_OF_BREATH("呼吸困难");

    private final String label;

    Symptom(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A symptom by code ({@code COUGH}) or Chinese label ({@code 干咳}). */
    public static Optional<Symptom> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(t) || s.label.equals(t))
                .findFirst();
    }
}
