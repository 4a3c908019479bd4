package org.pingji.tracing;

import org.pingji.testing.RetestTestedPositive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A positive single retest makes the person a case (once, however often the event arrives). */
@Component
class CreateCaseOfPositiveRetest {

    private static final Logger log = LoggerFactory.getLogger(CreateCaseOfPositiveRetest.class);

    private final TracingManagement tracing;

    CreateCaseOfPositiveRetest(TracingManagement tracing) {
        this.tracing = tracing;
    }

    @ApplicationModuleListener
    void on(RetestTestedPositive event) {
        tracing.createCaseFrom(
                        event.personId(),
                        event.reportedAt(),
                        "RETEST",
                        "retest:%d:%d:%s".formatted(event.roundId(), event.personId(), event.tubeBarcode()))
                .ifPresent(id -> log.info("Case {} from positive retest of person {}", id, event.personId()));
    }
}
