package dev.warren.ops;

/**
 * A dead letter with the whole stack trace of its last error, as {@link DeadLetters#inspect} reads
 * it. The stack trace is what the letter carries: under the worker's seal when {@link
 * DeadLetter#verified()}, else from an unsigned header anyone could have written.
 *
 * <pre>{@code
 * for (DeadLetterDetail d : DeadLetters.of(broker).inspect("primes", 20)) {
 *     System.out.println(d.letter().id() + "\n" + d.stackTrace());
 * }
 * }</pre>
 *
 * @param letter the dead letter
 * @param stackTrace the last error's stack trace (cut by the worker that wrote it), or empty
 */
public record DeadLetterDetail(DeadLetter letter, String stackTrace) {

    /** The exception's class name: the stack trace's first line up to its first colon. */
    public String exceptionType() {
        String first = firstLine();
        int colon = first.indexOf(": ");
        return colon < 0 ? first.strip() : first.substring(0, colon).strip();
    }

    /** The exception's message: the rest of the first line after its class name, or empty. */
    public String exceptionMessage() {
        String first = firstLine();
        int colon = first.indexOf(": ");
        return colon < 0 ? "" : first.substring(colon + 2);
    }

    private String firstLine() {
        return stackTrace.lines().findFirst().orElse("");
    }
}
