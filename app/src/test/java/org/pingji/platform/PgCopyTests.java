package org.pingji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgCopyTests {

    @Test
    void writesCopyTextFormatWithEscapesNullsAndHexBytes() {
        var rows = new PgCopy.Rows();
        rows.field("幸福湾社区")
                .field(null)
                .field("a\tb\\c\nd")
                .bytes(new byte[] {0x0f, (byte) 0xa0})
                .end();
        rows.field(42L).bytes(null).end();
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.text()).isEqualTo("幸福湾社区\t\\N\ta\\tb\\\\c\\nd\t\\\\x0fa0\n42\t\\N\n");
    }
}
