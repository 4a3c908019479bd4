package org.pingji.status;

import java.util.List;
import org.pingji.testing.PoolTestedPositive;
import org.pingji.testing.RetestTestedNegative;
import org.pingji.testing.RetestTestedPositive;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Lab results become reasons: a positive pool's members await retest; a positive retest is a positive. */
@Component
class StatusFromTesting {

    private final HealthStatus status;

    StatusFromTesting(HealthStatus status) {
        this.status = status;
    }

    @ApplicationModuleListener
    void on(PoolTestedPositive e) {
        status.put(e.memberPersonIds().stream()
                .map(id -> new ReasonFact(
                        id,
                        ReasonCode.POOL_POSITIVE,
                        "pool:" + e.tubeBarcode(),
                        "核酸检测轮次 #%d 混管 %s".formatted(e.roundId(), e.tubeBarcode()),
                        e.reportedAt(),
                        null,
                        "混管结果阳性，须单采单检"))
                .toList());
    }

    @ApplicationModuleListener
    void on(RetestTestedPositive e) {
        status.put(List.of(new ReasonFact(
                e.personId(),
                ReasonCode.POSITIVE,
                "tube:" + e.tubeBarcode(),
                "核酸检测轮次 #%d 单采管 %s".formatted(e.roundId(), e.tubeBarcode()),
                e.reportedAt(),
                null,
                "单采复核阳性（混管 %s）".formatted(e.poolBarcode()))));
        status.endAll(e.personId(), ReasonCode.POOL_POSITIVE, e.reportedAt());
    }

    @ApplicationModuleListener
    void on(RetestTestedNegative e) {
        status.endAll(e.personId(), ReasonCode.POOL_POSITIVE, e.reportedAt());
    }
}
