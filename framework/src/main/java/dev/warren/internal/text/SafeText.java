package dev.warren.internal.text;

/**
 * Escapes and truncates a string that someone else chose (a message id, a type name, a key id, a
 * queue name from a heartbeat) before it reaches a log line, a terminal table or a page.
 *
 * <p>CR, LF and tab become {@code \r}, {@code \n}, {@code \t}; every other control character (C0,
 * DEL, C1, which includes the ESC that starts terminal escape sequences) and the Unicode direction
 * overrides become {@code \}{@code uXXXX}; a backslash becomes two, so an escape in the output
 * always means the input held that character. Past the limit the text is cut and the count of
 * dropped characters says so.
 */
public final class SafeText {
    /** Long enough for a type's class name and a task id, short enough for one log line. */
    public static final int DEFAULT_LIMIT = 200;

    private SafeText() {}

    public static String of(String text) {
        return of(text, DEFAULT_LIMIT);
    }

    /** {@code text} escaped, with at most {@code limit} characters of it kept. */
    public static String of(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (text == null) {
            return "null";
        }
        int end = text.length() <= limit ? text.length() : cutAt(text, limit);
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            append(out, text.charAt(i));
        }
        if (end < text.length()) {
            out.append("...(").append(text.length() - end).append(" more chars)");
        }
        return out.toString();
    }

    private static int cutAt(String text, int limit) {
        // never split a surrogate pair: half of one is not a character
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private static void append(StringBuilder out, char c) {
        switch (c) {
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (needsEscape(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c)
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u2028'
                || c == '\u2029';
    }
}
