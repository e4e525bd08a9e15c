package dev.warren.internal.ship;

import java.net.URL;

/** The class-path entry (a jar or a folder) that a class file or resource URL comes from. */
final class ClassFileLocation {
    private ClassFileLocation() {}

    /**
     * {@code jar:file:/a/lib.jar!/com/acme/X.class} gives {@code file:/a/lib.jar}; {@code
     * file:/a/classes/com/acme/X.class} gives {@code file:/a/classes/}.
     */
    static String entryOf(URL url, String internalName) {
        String text = url.toExternalForm();
        int bang = text.indexOf("!/");
        if (text.startsWith("jar:") && bang > 0) {
            return text.substring(4, bang);
        }
        String suffix = internalName + ".class";
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }
}
