package org.pingji.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The order of a companion follow-up's steps, without a database. */
class FollowUpFlowTests {

    static FollowUpView at(String status, String first, String second) {
        Instant t = Instant.parse("2022-04-10T04:00:00Z");
        return new FollowUpView(
                7, 1, 2, "1410291000010101", "gridworker1", status, "138****0000", "c", 12.5, t, t, first, second, t);
    }

    @Test
    void stepsFollowTheOrderLocateTestTwiceThenClear() {
        assertThat(FollowUpFlow.next(at("OPEN", null, null), FollowUpStep.LOCATE))
                .isEqualTo("LOCATED");
        assertThat(FollowUpFlow.next(at("LOCATED", null, null), FollowUpStep.FIRST_TEST))
                .isEqualTo("FIRST_TESTED");
        assertThat(FollowUpFlow.next(at("FIRST_TESTED", "NEGATIVE", null), FollowUpStep.SECOND_TEST))
                .isEqualTo("SECOND_TESTED");
        assertThat(FollowUpFlow.next(at("SECOND_TESTED", "NEGATIVE", "NEGATIVE"), FollowUpStep.CLEAR))
                .isEqualTo("CLEARED");
        assertThatThrownBy(() -> FollowUpFlow.next(at("OPEN", null, null), FollowUpStep.SECOND_TEST))
                .isInstanceOf(FollowUpRefused.class)
                .hasMessage("核查任务 7 当前为 OPEN，只有 FIRST_TESTED 状态才能进入 SECOND_TESTED");
    }

    @Test
    void clearingNeedsTwoNegativeTestsAndAnEndedFollowUpCannotEscalate() {
        assertThatThrownBy(() -> FollowUpFlow.next(at("SECOND_TESTED", "NEGATIVE", "POSITIVE"), FollowUpStep.CLEAR))
                .isInstanceOf(FollowUpRefused.class)
                .hasMessage("两次检测均为阴性才能解除（第一次 NEGATIVE，第二次 POSITIVE）");
        assertThat(FollowUpFlow.next(at("LOCATED", null, null), FollowUpStep.ESCALATE))
                .isEqualTo("ESCALATED");
        assertThatThrownBy(() -> FollowUpFlow.next(at("CLEARED", "NEGATIVE", "NEGATIVE"), FollowUpStep.ESCALATE))
                .isInstanceOf(FollowUpRefused.class)
                .hasMessage("核查任务 7 已结束（CLEARED）");
    }

    @Test
    void testStepsNeedAResultOthersCarryNone() {
        assertThat(FollowUpFlow.testResult(FollowUpStep.FIRST_TEST, " negative "))
                .isEqualTo("NEGATIVE");
        assertThat(FollowUpFlow.testResult(FollowUpStep.LOCATE, null)).isNull();
        assertThatThrownBy(() -> FollowUpFlow.testResult(FollowUpStep.SECOND_TEST, "阴"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("检测结果须为 NEGATIVE 或 POSITIVE，实际为 阴");
    }
}
