package org.pingji.arrival;

import org.pingji.platform.Refusal;

/** No arrival report with the id inside the caller's jurisdiction (HTTP 404). */
public class ArrivalNotFound extends Refusal {

    public ArrivalNotFound(long id) {
        super(Kind.NOT_FOUND, "arrival.not_found", "您的辖区内没有编号为 %d 的报备".formatted(id));
    }
}
