package dev.warren.internal.protocol;

/**
 * The body of a failure reply: what the task threw, as strings (a Throwable is never deserialized).
 *
 * <pre>{@code
 * RemoteFailure f = RemoteFailure.of(exception, 3, 3);
 * }</pre>
 *
 * @param exceptionType class name of the exception the task threw
 * @param message its message, or null
 * @param stackTrace its full stack trace, causes included
 * @param attempt the attempt that failed
 * @param maxAttempts the attempts the task had
 */
public record RemoteFailure(
        String exceptionType, String message, String stackTrace, int attempt, int maxAttempts) {

    /** The Kryo id of this wire record (below the application range). */
    public static final int KRYO_ID = 90;

    public static RemoteFailure of(Throwable failure, int attempt, int maxAttempts) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        return new RemoteFailure(
                failure.getClass().getName(),
                failure.getMessage(),
                trace.toString(),
                attempt,
                maxAttempts);
    }

    /** The same failure with its stack trace cut to a line saying so. */
    public RemoteFailure withoutStackTrace() {
        return new RemoteFailure(
                exceptionType,
                message,
                "(stack trace left out: too large for maxBodyBytes)",
                attempt,
                maxAttempts);
    }
}
