package org.pingji.tracing;

import org.pingji.platform.Refusal;

/** A check-in at a place closed by order (查封、停业整顿): refused (HTTP 409). */
public class PlaceClosed extends Refusal {
    public PlaceClosed(String reason) {
        super(Kind.CONFLICT, "tracing.place_closed", "该场所已停业整顿（%s），暂停扫码进入".formatted(reason));
    }
}
