package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.SigningKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Keys made apart get different ids, so a wrong key reads as an unknown key id. */
class KeygenCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = WarrenWorkerCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void theDefaultIdIsTheDayAndAShortRandomPart() {
        String id = KeygenCommand.freshId(LocalDate.of(2026, 12, 2), new SplittableRandom(7));

        assertThat(id).matches("k20261202-[0-9a-f]{4}");
    }

    @Test
    void twoKeysMadeWithoutAnIdHaveDifferentIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            out.getBuffer().setLength(0);
            assertThat(run("keygen")).isZero();
            ids.add(SigningKeys.parse(out.toString(), "keygen output").signingKeyId());
        }

        assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).matches("k\\d{8}-[0-9a-f]{4}"));
    }

    @Test
    void anIdGivenIsUsed() {
        assertThat(run("keygen", "--id", "prod-2")).isZero();

        assertThat(SigningKeys.parse(out.toString(), "keygen output").signingKeyId())
                .isEqualTo("prod-2");
    }

    @Test
    void anIdThatCannotBeAKeyIdIsAUsageError() {
        assertThat(run("keygen", "--id", "no spaces")).isEqualTo(2);

        assertThat(err.toString()).contains("no spaces");
        assertThat(out.toString()).isEmpty();
    }
}
