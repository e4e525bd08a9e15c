package dev.warren.cli;

import dev.warren.SigningKeys;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints a new random signing key in the form the key file and WARREN_KEYS take. Without {@code
 * --id} the id is the day plus a short random part, so two keys made apart never share an id: a
 * process holding the wrong key then reports "unknown key id", not a tampered message.
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a new random 256-bit signing key as id=base64secret.",
            "Put it in a key file (chmod 600) or in WARREN_KEYS on every producer and worker."
        })
final class KeygenCommand implements Callable<Integer> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Spec CommandSpec spec;

    @Option(
            names = "--id",
            paramLabel = "NAME",
            description =
                    "Key id: letters, digits, '.', '_', '-', at most 64 (default: k, today's date"
                            + " and a random part, e.g. k20261202-3f9a)")
    String id;

    @Override
    public Integer call() {
        String keyId = id != null ? id : freshId(LocalDate.now(ZoneOffset.UTC), new SecureRandom());
        spec.commandLine().getOut().println(SigningKeys.generate(keyId));
        return 0;
    }

    /** {@code k} + the day + {@code -} + four random hex digits, e.g. {@code k20261202-3f9a}. */
    static String freshId(LocalDate day, RandomGenerator random) {
        byte[] suffix = new byte[2];
        random.nextBytes(suffix);
        return "k" + DAY.format(day) + "-" + HexFormat.of().formatHex(suffix);
    }
}
