package dev.warren.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The retry age limit of {@code --max-age}: a whole number of days, hours, minutes or seconds. */
final class RetryAge implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([dhms])");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** {@code 7d}, {@code 36h}, {@code 90m}, {@code 600s}; anything else names what it expects. */
    static Duration parse(String value) {
        Matcher m = FORM.matcher(value == null ? "" : value.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new TypeConversionException(
                    "'"
                            + value
                            + "' is not an age: give a positive whole number followed by d, h, m"
                            + " or s (7d, 36h, 90m)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
