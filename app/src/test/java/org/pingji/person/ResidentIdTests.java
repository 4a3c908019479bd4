package org.pingji.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void acceptsAValidIdAndDerivesBirthDateAndSex() {
        // 11010519491231002X: the GB 11643 example, check character X, sequence 002 (even: female).
        ResidentId id = ResidentId.parse("11010519491231002X", TODAY);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(ResidentId.Sex.F);
        assertThat(id.value()).isEqualTo("11010519491231002X");
    }

    @Test
    void acceptsLowerCaseXAndNormalisesIt() {
        assertThat(ResidentId.parse(" 11010519491231002x ", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(ResidentId.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentId.checkCharacter("14102919800101001")).isEqualTo('8');
        ResidentId id = ResidentId.parse("141029198001010018", TODAY);
        assertThat(id.sex()).isEqualTo(ResidentId.Sex.M);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
    }

    @Test
    void refusesAWrongCheckDigitNamingTheExpectedOne() {
        assertThatThrownBy(() -> ResidentId.parse("110105194912310021", TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("身份证号校验位错误（应为X）");
    }

    @Test
    void refusesImpossibleAndFutureBirthDates() {
        String feb30 = "14102920010230001";
        assertThatThrownBy(() -> ResidentId.parse(feb30 + ResidentId.checkCharacter(feb30), TODAY))
                .hasMessageContaining("出生日期20010230不存在");
        String future = "14102920300101001";
        assertThatThrownBy(() -> ResidentId.parse(future + ResidentId.checkCharacter(future), TODAY))
                .hasMessageContaining("晚于今天");
    }

    @Test
    void refusesWrongLengthAndLetters() {
        assertThatThrownBy(() -> ResidentId.parse("1410291980010100", TODAY)).hasMessage("身份证号应为18位，实际为16位");
        assertThatThrownBy(() -> ResidentId.parse("1410291980A101001X", TODAY)).hasMessage("身份证号前17位须为数字");
        assertThatThrownBy(() -> ResidentId.parse("", TODAY)).hasMessage("身份证号为空");
    }

    @Test
    void masksAllButTheFirstAndLastFour() {
        assertThat(ResidentId.mask("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(ResidentId.parse("11010519491231002X", TODAY).toString()).doesNotContain("19491231");
    }
}
