package org.pingji.status;

import java.time.Duration;
import java.util.List;
import org.pingji.policy.Exposure;
import org.pingji.policy.PolicyEditions;
import org.pingji.quarantine.FeverReported;
import org.pingji.quarantine.PlacementEnded;
import org.pingji.quarantine.PlacementStarted;
import org.pingji.tracing.CaseConfirmed;
import org.pingji.tracing.ContactCleared;
import org.pingji.tracing.ContactListed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Quarantine and tracing facts become reasons: a case is a positive; a close or secondary contact
 * stays one until cleared or until the edition's days of measures have passed; a placement makes
 * its quarantine a reason until it ends; a fever or listed symptom stays a reason for 48 hours
 * (the fever clinic's result follows as its own fact).
 */
@Component
class StatusFromTracing {

    static final Duration FEVER_VALIDITY = Duration.ofHours(48);

    private final HealthStatus status;
    private final PolicyEditions policy;

    StatusFromTracing(HealthStatus status, PolicyEditions policy) {
        this.status = status;
        this.policy = policy;
    }

    @ApplicationModuleListener
    void on(CaseConfirmed e) {
        status.put(List.of(new ReasonFact(
                e.personId(),
                ReasonCode.POSITIVE,
                "case:" + e.caseId(),
                "流调病例 #%d（%s）".formatted(e.caseId(), "ASYMPTOMATIC".equals(e.classification()) ? "无症状感染者" : "确诊病例"),
                e.confirmedAt(),
                null,
                "")));
    }

    @ApplicationModuleListener
    void on(ContactListed e) {
        boolean close = "CLOSE".equals(e.kind());
        var measures =
                policy.inForce(e.exposedAt()).measures(close ? Exposure.CLOSE_CONTACT : Exposure.SECONDARY_CONTACT);
        status.put(List.of(new ReasonFact(
                e.personId(),
                close ? ReasonCode.CLOSE_CONTACT : ReasonCode.SECONDARY_CONTACT,
                "contact:" + e.caseId(),
                "流调病例 #%d 的%s".formatted(e.caseId(), close ? "密切接触者" : "密接的密接"),
                e.exposedAt(),
                e.exposedAt().plus(Duration.ofDays(Math.max(1, measures.totalDays()))),
                "")));
    }

    @ApplicationModuleListener
    void on(ContactCleared e) {
        status.end(e.personId(), ReasonCode.CLOSE_CONTACT, "contact:" + e.caseId(), e.at());
        status.end(e.personId(), ReasonCode.SECONDARY_CONTACT, "contact:" + e.caseId(), e.at());
    }

    @ApplicationModuleListener
    void on(PlacementStarted e) {
        boolean central = "CENTRAL".equals(e.kind());
        status.put(List.of(new ReasonFact(
                e.personId(),
                central ? ReasonCode.CENTRAL_QUARANTINE : ReasonCode.HOME_QUARANTINE,
                "placement:" + e.placementId(),
                "隔离安置 #%d".formatted(e.placementId()),
                e.start(),
                e.plannedEnd(),
                "")));
    }

    @ApplicationModuleListener
    void on(PlacementEnded e) {
        status.end(e.personId(), ReasonCode.CENTRAL_QUARANTINE, "placement:" + e.placementId(), e.endedAt());
        status.end(e.personId(), ReasonCode.HOME_QUARANTINE, "placement:" + e.placementId(), e.endedAt());
    }

    @ApplicationModuleListener
    void on(FeverReported e) {
        status.put(List.of(new ReasonFact(
                e.personId(),
                ReasonCode.FEVER,
                "fever:" + e.placementId() + ":" + e.at().getEpochSecond(),
                "隔离安置 #%d 健康监测".formatted(e.placementId()),
                e.at(),
                e.at().plus(FEVER_VALIDITY),
                "%.1f ℃ %s".formatted(e.temperature(), String.join("、", e.symptoms())))));
    }
}
