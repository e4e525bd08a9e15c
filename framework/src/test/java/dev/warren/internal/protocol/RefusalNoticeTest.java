package dev.warren.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed format of refusal notices: small, bounded, and read without trusting it. */
class RefusalNoticeTest {
    private static final byte[] MAC = new byte[32];

    static {
        Arrays.fill(MAC, (byte) 5);
    }

    @Test
    void aNoticeReadsBackAsWritten() {
        RefusalNotice notice = new RefusalNotice("BAD_SIGNATURE", "h:1", List.of("k1", "k0"), MAC);

        RefusalNotice read = RefusalNotice.parse(notice.encode());

        assertThat(read.reason()).isEqualTo("BAD_SIGNATURE");
        assertThat(read.worker()).isEqualTo("h:1");
        assertThat(read.keyIds()).containsExactly("k1", "k0");
        assertThat(read.macEcho()).isEqualTo(MAC);
    }

    @Test
    void theLargestNoticeTheEncoderMakesFitsUnderTheCap() {
        String longest = "\u20ac".repeat(500);
        RefusalNotice notice =
                new RefusalNotice(longest, longest, Collections.nCopies(20, longest), MAC);

        assertThat(notice.encode().length).isLessThanOrEqualTo(RefusalNotice.MAX_BYTES);
        assertThat(RefusalNotice.parse(notice.encode()).keyIds()).hasSize(8);
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsParsed() {
        byte[] valid = new RefusalNotice("UNKNOWN_KEY", "h:1", List.of("k1"), MAC).encode();
        byte[] padded = Arrays.copyOf(valid, RefusalNotice.MAX_BYTES + 1);

        assertThatThrownBy(() -> RefusalNotice.parse(padded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than " + RefusalNotice.MAX_BYTES);
    }

    @Test
    void malformedBodiesAreRefusedWithoutExceptionsOfOtherKinds() {
        byte[] valid = new RefusalNotice("UNKNOWN_KEY", "h:1", List.of("k1"), MAC).encode();
        List<byte[]> bad =
                List.of(
                        new byte[0],
                        new byte[] {2},
                        Arrays.copyOf(valid, valid.length - 1),
                        Arrays.copyOf(valid, valid.length + 1),
                        new byte[] {1, 0, 0, 0, 0, 100});

        for (byte[] body : bad) {
            assertThatThrownBy(() -> RefusalNotice.parse(body))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
