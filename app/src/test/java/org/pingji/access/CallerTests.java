package org.pingji.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerTests {

    Caller township = new Caller(1, "township1", "昌宁镇干部", Role.TOWNSHIP_OFFICER, "141029100", "/141029/141029100/");

    @Test
    void coversItsSubtreeOnly() {
        assertThat(township.covers("/141029/141029100/")).isTrue();
        assertThat(township.covers("/141029/141029100/141029100001/14102910000101/"))
                .isTrue();
        assertThat(township.covers("/141029/")).isFalse();
        assertThat(township.covers("/141029/141029101/")).isFalse();
        // A sibling whose code starts with the same digits is not inside: paths end in '/'.
        assertThat(new Caller(2, "v", "v", Role.VILLAGE_OFFICER, "14102910000", "/141029/14102910000/")
                        .covers("/141029/141029100001/"))
                .isFalse();
        assertThat(township.covers(null)).isFalse();
    }

    @Test
    void refusesPathsOutsideAndMissingPermissions() {
        assertThatThrownBy(() -> township.requireCovers("/141029/141029101/", "区域 141029101"))
                .isInstanceOf(OutsideJurisdiction.class)
                .hasMessage("区域 141029101 不存在或不在您的辖区内");
        Caller resident = new Caller(3, "resident1", "居民", Role.RESIDENT, "141029100", "/141029/141029100/");
        assertThatThrownBy(() -> resident.require(Permission.LEDGER_READ))
                .isInstanceOf(AccessRefused.class)
                .hasMessage("无权执行：查看人口台账");
        assertThat(township.pathPattern()).isEqualTo("/141029/141029100/%");
    }

    @Test
    void refusesMalformedJurisdictionPaths() {
        assertThatThrownBy(() -> new Caller(1, "x", "x", Role.ADMIN, "141029", "/141029"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
