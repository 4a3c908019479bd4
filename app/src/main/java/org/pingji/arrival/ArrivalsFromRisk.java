package org.pingji.arrival;

import org.pingji.risk.RiskAreasChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A risk change re-matches the arrivals from the changed areas. */
@Component
class ArrivalsFromRisk {

    private static final Logger log = LoggerFactory.getLogger(ArrivalsFromRisk.class);

    private final Arrivals arrivals;

    ArrivalsFromRisk(Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    @ApplicationModuleListener
    void on(RiskAreasChanged e) {
        Arrivals.Recomputed r = arrivals.recompute(e.codes());
        log.info(
                "Risk change (notice {}, {} codes): {}", e.noticeId(), e.codes().size(), r);
    }
}
