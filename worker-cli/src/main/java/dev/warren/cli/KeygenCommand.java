package dev.warren.cli;

import dev.warren.SigningKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints a new random signing key in the form the key file and WARREN_KEYS take. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a new random 256-bit signing key as id=base64secret.",
            "Put it in a key file (chmod 600) or in WARREN_KEYS on every producer and worker."
        })
final class KeygenCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--id", defaultValue = "k1", description = "Key id (default: ${DEFAULT-VALUE})")
    String id;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(SigningKeys.generate(id));
        return 0;
    }
}
