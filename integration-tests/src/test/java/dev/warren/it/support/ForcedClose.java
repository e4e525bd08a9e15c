package dev.warren.it.support;

import dev.warren.testing.TestBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Closes connections on the broker's side, as an operator's {@code close_connection} does. */
public final class ForcedClose {
    private static final Pattern ROW = Pattern.compile("^(<[^>]+>)\\s+(.*)$");

    private ForcedClose() {}

    /** Closes every connection whose name contains all {@code fragments}; returns how many. */
    public static int connectionsNamed(TestBroker test, String... fragments) throws Exception {
        String nameFragment = String.join("*", fragments);
        List<String> pids = new ArrayList<>();
        String listing = test.rabbitmqctl("-q", "list_connections", "pid", "client_properties");
        for (String line : listing.split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches() && containsAll(row.group(2), fragments)) {
                pids.add(row.group(1));
            }
        }
        if (pids.isEmpty()) {
            throw new IllegalStateException(
                    "no connection named *" + nameFragment + "* among:\n" + listing);
        }
        for (String pid : pids) {
            test.rabbitmqctl("close_connection", pid, "closed by a test");
        }
        return pids.size();
    }

    private static boolean containsAll(String text, String... fragments) {
        for (String fragment : fragments) {
            if (!text.contains(fragment)) {
                return false;
            }
        }
        return true;
    }
}
