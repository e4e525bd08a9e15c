package dev.warren.cli;

import dev.warren.WarrenException;
import picocli.CommandLine;

/** Prints Warren's own errors as one sentence; usage errors get exit code 2. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof dev.warren.ConfigurationException) {
            commandLine.getErr().println("warren-worker: " + e.getMessage());
            return 2;
        }
        if (e instanceof WarrenException) {
            commandLine.getErr().println("warren-worker: " + e.getMessage());
            return 1;
        }
        commandLine.getErr().println("warren-worker: unexpected error: " + e);
        e.printStackTrace(commandLine.getErr());
        return 1;
    }
}
