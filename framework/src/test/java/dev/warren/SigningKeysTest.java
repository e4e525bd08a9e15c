package dev.warren;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    private static final byte[] SECRET_A = bytes(32, 0x11);
    private static final byte[] SECRET_B = bytes(48, 0x22);
    private static final String A = Base64.getEncoder().encodeToString(SECRET_A);
    private static final String B = Base64.getEncoder().encodeToString(SECRET_B);

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + i * 7);
        }
        return b;
    }

    @Test
    void oneLineParsesToOneKeyThatSigns() {
        SigningKeys keys = SigningKeys.parse("k1=" + A, "test");

        assertThat(keys.ids()).hasSize(1);
        assertThat(keys.signingKeyId()).isEqualTo("k1");
        assertThat(keys.secret(keys.signingKeyId()).orElseThrow()).isEqualTo(SECRET_A);
    }

    @Test
    void linesWithCommentsAndBlankLinesParseInOrder() {
        String text =
                "# keys of the primes cluster\n"
                        + "\n"
                        + "  k2 = "
                        + B
                        + "  \r\n"
                        + "   # k0 was retired in March\n"
                        + "k1="
                        + A
                        + "\n\n";

        SigningKeys keys = SigningKeys.parse(text, "test");

        assertThat(keys.ids()).containsExactly("k2", "k1");
        assertThat(keys.signingKeyId()).isEqualTo("k2");
        assertThat(keys.secret("k1")).hasValueSatisfying(k -> assertThat(k).isEqualTo(SECRET_A));
        assertThat(keys.secret("k2")).hasValueSatisfying(k -> assertThat(k).isEqualTo(SECRET_B));
        assertThat(keys.secret("k0")).isEmpty();
        assertThat(keys.secret(null)).isEmpty();
    }

    @Test
    void commaSeparatedEntriesParseLikeLines() {
        SigningKeys keys = SigningKeys.parse("k2=" + B + ", k1=" + A, "WARREN_KEYS");

        assertThat(keys.ids()).containsExactly("k2", "k1");
        assertThat(keys.secret("k1").orElseThrow()).isEqualTo(SECRET_A);
    }

    @Test
    void aTooShortSecretIsRefusedWithoutShowingIt() {
        String shortSecret = Base64.getEncoder().encodeToString(bytes(16, 0x33));

        assertThatThrownBy(() -> SigningKeys.parse("k1=" + shortSecret, "key file x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("key file x")
                .hasMessageContaining("k1")
                .hasMessageContaining("16 bytes")
                .hasMessageNotContaining(shortSecret);
    }

    @Test
    void badBase64IsRefusedWithoutShowingIt() {
        String notBase64 = "Zm9v!!not-base64-at-all-but-secret";

        assertThatThrownBy(() -> SigningKeys.parse("k1=" + notBase64, "key file x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not valid base64")
                .hasMessageContaining("k1")
                .hasMessageNotContaining(notBase64)
                .hasMessageNotContaining("not-base64-at-all");
    }

    @Test
    void anEntryWithoutEqualsIsRefusedNamingTheEntryButNotItsText() {
        // B is 48 bytes: its base64 form has no '=' padding, so the entry holds no '=' at all
        String text = "# header\nk1:" + B;

        assertThatThrownBy(() -> SigningKeys.parse(text, "key file x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("key file x")
                .hasMessageContaining("entry 2")
                .hasMessageContaining("id=base64secret")
                .hasMessageNotContaining(B);
    }

    @Test
    void anEntryWithoutIdIsRefusedWithoutShowingTheSecret() {
        assertThatThrownBy(() -> SigningKeys.parse("=" + A, "key file x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining(A);
    }

    @Test
    void aSecretWhoseOnlyEqualsIsItsPaddingIsRefusedWithoutShowingTheSecret() {
        // 32 bytes encode to 43 characters plus one '=' of padding
        assertThat(A).endsWith("=").doesNotContain("==");
        String secretText = A.substring(0, A.length() - 1);

        assertThatThrownBy(() -> SigningKeys.parse(A, "key file x"))
                .as("a bare secret, the id forgotten")
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining(secretText);
        assertThatThrownBy(() -> SigningKeys.parse("k1:" + A, "key file x"))
                .as("':' typed instead of '='")
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining(secretText);
    }

    @Test
    void aDuplicateIdIsRefusedWithoutShowingEitherSecret() {
        assertThatThrownBy(() -> SigningKeys.parse("k1=" + A + "\nk1=" + B, "key file x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining("twice")
                .hasMessageNotContaining(A)
                .hasMessageNotContaining(B);
        assertThatThrownBy(() -> SigningKeys.of("k1", SECRET_A).and("k1", SECRET_B))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void emptyTextOrOnlyCommentsIsRefusedNamingTheSource() {
        assertThatThrownBy(() -> SigningKeys.parse("", "environment variable WARREN_KEYS"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("environment variable WARREN_KEYS")
                .hasMessageContaining("no signing key");
        assertThatThrownBy(() -> SigningKeys.parse("# nothing\n\n , ,", "key file x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no signing key");
    }

    @Test
    void anInvalidKeyIdIsRefused() {
        assertThatThrownBy(() -> SigningKeys.parse("my key=" + A, "key file x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("key file x")
                .hasMessageNotContaining(A);
        assertThatThrownBy(() -> SigningKey.of("", SECRET_A))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SigningKey.of("x".repeat(65), SECRET_A))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void generatedKeysParseBackAndDiffer() {
        String first = SigningKeys.generate("k7");
        String second = SigningKeys.generate("k7");

        SigningKeys parsed = SigningKeys.parse(first, "generated");

        assertThat(first).startsWith("k7=");
        assertThat(parsed.signingKeyId()).isEqualTo("k7");
        assertThat(parsed.secret(parsed.signingKeyId()).orElseThrow())
                .hasSize(SigningKey.MIN_SECRET_BYTES);
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> SigningKeys.generate("bad id"))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        SigningKeys keys = SigningKeys.of("k2", SECRET_B).and("k1", SECRET_A);

        assertThat(keys.toString())
                .contains("k2", "k1")
                .doesNotContain(A)
                .doesNotContain(B)
                .doesNotContain(Arrays.toString(SECRET_A));
        assertThat(SigningKey.of("k2", keys.secret("k2").orElseThrow()).toString())
                .isEqualTo("SigningKey[k2, 48 bytes]")
                .doesNotContain(B);
    }

    @Test
    void aKeyKeepsItsOwnCopyOfTheSecret() {
        byte[] secret = SECRET_A.clone();
        SigningKey key = SigningKey.of("k1", secret);

        secret[0] ^= 1;
        key.secret()[1] ^= 1;

        assertThat(key.secret()).isEqualTo(SECRET_A);
        assertThat(key).isEqualTo(SigningKey.of("k1", SECRET_A));
        assertThat(key).isNotEqualTo(SigningKey.of("k1", SECRET_B));
    }

    @Test
    void fromFileReadsAKeyFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# rotated\nk2=" + B + "\nk1=" + A + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        SigningKeys keys = SigningKeys.fromFile(file);

        assertThat(keys.ids()).containsExactly("k2", "k1");
    }

    @Test
    void aKeyFileThatGroupOrOthersMayReadIsRefusedSayingHowToFixIt(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "k1=" + A + "\n", StandardCharsets.UTF_8);
        for (String mode : new String[] {"rw-r-----", "rw----r--", "rw-rw----"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

            assertThatThrownBy(() -> SigningKeys.fromFile(file))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("chmod 600")
                    .hasMessageNotContaining(A);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(SigningKeys.fromFile(file).ids()).containsExactly("k1");
    }

    @Test
    void fromFileOnAMissingFileNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-keys");

        assertThatThrownBy(() -> SigningKeys.fromFile(missing))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void fromFileErrorsNameTheFileAndNotTheSecret(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys");
        String shortSecret = Base64.getEncoder().encodeToString(bytes(8, 0x44));
        Files.writeString(file, "k1=" + shortSecret, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> SigningKeys.fromFile(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining(shortSecret);
    }

    @Test
    void anUnsetEnvironmentVariableIsRefusedNamingIt() {
        String unset = "WARREN_TEST_KEYS_THAT_NOBODY_SETS_7f3c";

        assertThatThrownBy(() -> SigningKeys.fromEnvironment(unset))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(unset);
    }
}
