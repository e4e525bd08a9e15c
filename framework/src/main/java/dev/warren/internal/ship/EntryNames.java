package dev.warren.internal.ship;

/** Which entry names a bundle may hold: relative class-path paths that stay inside it. */
final class EntryNames {
    private EntryNames() {}

    static boolean isSafe(String name) {
        return !name.isEmpty()
                && !name.startsWith("/")
                && !name.contains("\\")
                && !name.contains("\0")
                && !("/" + name + "/").contains("/../")
                && !("/" + name + "/").contains("/./")
                && !name.contains("//");
    }
}
