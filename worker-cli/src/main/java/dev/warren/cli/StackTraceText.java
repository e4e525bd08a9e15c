package dev.warren.cli;

import dev.warren.internal.text.SafeText;
import java.util.List;

/**
 * A stack trace from a dead letter, fit for the console: each line escaped and cut as {@link
 * SafeText} does (so no line break, escape or direction override of the sender's survives), at most
 * {@value #MOST_LINES} lines, then a line saying how many more there were.
 */
final class StackTraceText {
    static final int MOST_LINES = 80;
    private static final int LINE_LIMIT = 300;

    private StackTraceText() {}

    static String of(String stackTrace) {
        if (stackTrace == null || stackTrace.isEmpty()) {
            return "";
        }
        List<String> lines = stackTrace.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines.size(), MOST_LINES); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(SafeText.of(lines.get(i), LINE_LIMIT));
        }
        if (lines.size() > MOST_LINES) {
            out.append("\n... ").append(lines.size() - MOST_LINES).append(" more lines");
        }
        return out.toString();
    }
}
