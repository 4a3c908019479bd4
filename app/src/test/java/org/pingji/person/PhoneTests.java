package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneTests {

    @Test
    void acceptsElevenDigitMobileNumbersWithSeparatorsOrCountryCode() {
        assertThat(Phone.parseOptional("138 0013 8000")).isEqualTo("13800138000");
        assertThat(Phone.parseOptional("+86-138-0013-8000")).isEqualTo("13800138000");
        assertThat(Phone.parseOptional("  ")).isNull();
    }

    @Test
    void refusesTenDigitsAndNonMobilePrefixes() {
        assertThatThrownBy(() -> Phone.parseOptional("1380013800")).hasMessage("手机号应为11位，实际为10位");
        assertThatThrownBy(() -> Phone.parseOptional("12800138000")).hasMessage("手机号须以13-19开头");
        assertThatThrownBy(() -> Phone.parseOptional("1380013800a")).hasMessage("手机号只能包含数字");
    }

    @Test
    void masksTheMiddleFourDigits() {
        assertThat(Phone.mask("13800138000")).isEqualTo("138****8000");
    }
}
