package org.pingji.warning;

import org.pingji.platform.Refusal;

/** No signal of that name in the catalogue (HTTP 404). */
class SignalNotFound extends Refusal {
    SignalNotFound(String name) {
        super(Kind.NOT_FOUND, "warning.signal_not_found", "没有名为 " + name + " 的监测信号");
    }
}
