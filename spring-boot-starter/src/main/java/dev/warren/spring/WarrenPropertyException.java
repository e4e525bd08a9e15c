package dev.warren.spring;

import dev.warren.ConfigurationException;
import java.util.function.Supplier;

/**
 * A {@code warren.*} property holds a value Warren cannot work with; the message starts with the
 * property's name, then says what is wrong in Warren's words.
 *
 * <pre>{@code
 * warren.publish-window: publishWindow must be at least 1, was 0
 * }</pre>
 */
public class WarrenPropertyException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    private final String property;

    public WarrenPropertyException(String property, String problem) {
        super(property + ": " + problem);
        this.property = property;
    }

    /** The property's name, such as {@code warren.worker.concurrency}. */
    public String property() {
        return property;
    }

    /** Runs one setter or parser of Warren's, naming {@code property} when it refuses the value. */
    static <T> T check(String property, Supplier<T> setter) {
        try {
            return setter.get();
        } catch (WarrenPropertyException e) {
            throw e;
        } catch (ConfigurationException e) {
            // Warren's sentence is the whole story: no cause, so it is the root of the failure
            throw new WarrenPropertyException(property, e.getMessage());
        }
    }
}
