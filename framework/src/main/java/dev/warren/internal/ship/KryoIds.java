package dev.warren.internal.ship;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The explicit Kryo ids a producer gave the classes it ships ({@code WarrenConfig.register(type,
 * id)}), carried in the bundle as the entry {@value #ENTRY}: one {@code binary.Name=id} line per
 * class, in name order, so the worker's codec for the bundle encodes them as the producer does.
 *
 * <pre>{@code
 * byte[] entry = KryoIds.encode(Map.of("com.acme.Point", 120));   // "com.acme.Point=120\n"
 * KryoIds.decode(entry);                                          // {com.acme.Point=120}
 * }</pre>
 */
public final class KryoIds {
    /** Where the ids sit in a bundle; not a class-path resource any task could mean. */
    public static final String ENTRY = "META-INF/warren/kryo-ids";

    private static final Pattern LINE =
            Pattern.compile(
                    "([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*)=(\\d{1,9})");

    private KryoIds() {}

    public static byte[] encode(Map<String, Integer> ids) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(ids)
                .forEach((name, id) -> text.append(name).append('=').append(id).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws BundleRejectedException MALFORMED, naming the line, for anything {@link #encode}
     *     would not write
     */
    public static SortedMap<String, Integer> decode(byte[] entry) {
        SortedMap<String, Integer> ids = new TreeMap<>();
        String text = new String(entry, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return ids;
        }
        if (!text.endsWith("\n")) {
            throw malformed("it does not end with a line break");
        }
        int number = 0;
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            number++;
            var match = LINE.matcher(line);
            if (!match.matches()
                    || ids.put(match.group(1), Integer.parseInt(match.group(2))) != null) {
                throw malformed("line " + number + " is not a new binary.Name=id");
            }
        }
        return ids;
    }

    private static BundleRejectedException malformed(String why) {
        return new BundleRejectedException(
                BundleRejectedException.Problem.MALFORMED,
                "the bundle's " + ENTRY + " entry is malformed: " + why);
    }
}
