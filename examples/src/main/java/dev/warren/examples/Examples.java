package dev.warren.examples;

import dev.warren.examples.primes.SumOfPrimesExample;
import java.util.Arrays;

/** Entry point of the examples jar: {@code java -jar warren-examples.jar <example> [args]}. */
public final class Examples {
    private Examples() {}

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "sum-of-primes" : args[0];
        String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "sum-of-primes" -> SumOfPrimesExample.main(rest);
            default -> {
                System.err.println("unknown example '" + name + "'; try: sum-of-primes");
                System.exit(2);
            }
        }
    }
}
