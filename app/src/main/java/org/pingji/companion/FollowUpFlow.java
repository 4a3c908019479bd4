package org.pingji.companion;

import java.util.Locale;
import java.util.Set;

/**
 * The order of a follow-up's steps: LOCATE, FIRST_TEST, SECOND_TEST, CLEAR (only after two negative
 * tests); ESCALATE at any point before the end. Pure: no database.
 */
final class FollowUpFlow {

    private FollowUpFlow() {}

    /** The test result a step carries, normalised (NEGATIVE/POSITIVE); null for steps without one. */
    static String testResult(FollowUpStep step, String result) {
        String test = result == null ? null : result.trim().toUpperCase(Locale.ROOT);
        if ((step == FollowUpStep.FIRST_TEST || step == FollowUpStep.SECOND_TEST)
                && !Set.of("NEGATIVE", "POSITIVE").contains(test)) {
            throw new IllegalArgumentException("检测结果须为 NEGATIVE 或 POSITIVE，实际为 " + result);
        }
        return test;
    }

    /**
     * The status after the step.
     *
     * @throws FollowUpRefused when the step does not fit the current status
     */
    static String next(FollowUpView f, FollowUpStep step) {
        return switch (step) {
            case LOCATE -> require(f, "OPEN", "LOCATED");
            case FIRST_TEST -> require(f, "LOCATED", "FIRST_TESTED");
            case SECOND_TEST -> require(f, "FIRST_TESTED", "SECOND_TESTED");
            case CLEAR -> {
                require(f, "SECOND_TESTED", "CLEARED");
                if (!"NEGATIVE".equals(f.firstTest()) || !"NEGATIVE".equals(f.secondTest())) {
                    throw new FollowUpRefused("两次检测均为阴性才能解除（第一次 %s，第二次 %s）".formatted(f.firstTest(), f.secondTest()));
                }
                yield "CLEARED";
            }
            case ESCALATE -> {
                if (!f.open()) {
                    throw new FollowUpRefused("核查任务 %d 已结束（%s）".formatted(f.id(), f.status()));
                }
                yield "ESCALATED";
            }
        };
    }

    private static String require(FollowUpView f, String status, String next) {
        if (!f.status().equals(status)) {
            throw new FollowUpRefused("核查任务 %d 当前为 %s，只有 %s 状态才能进入 %s".formatted(f.id(), f.status(), status, next));
        }
        return next;
    }
}
