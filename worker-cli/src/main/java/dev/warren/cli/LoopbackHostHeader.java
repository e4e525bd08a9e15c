package dev.warren.cli;

import java.util.Locale;
import java.util.Set;

/**
 * The DNS-rebinding guard of a server bound to loopback: a request whose Host header is not a
 * loopback name came through a page that pointed some other name at 127.0.0.1.
 */
final class LoopbackHostHeader {
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private LoopbackHostHeader() {}

    /** Whether a server bound to loopback ({@code boundToLoopback}) may answer this Host header. */
    static boolean allows(boolean boundToLoopback, String host) {
        if (!boundToLoopback) {
            return true;
        }
        if (host == null) {
            return false;
        }
        int colon = host.lastIndexOf(':');
        String name = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
        return LOOPBACK_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
