package dev.warren;

/**
 * A builder or a command line was given a value Warren cannot work with. The message says which
 * value and why, for example {@code "concurrency must be at least 1, was 0"}.
 */
public class ConfigurationException extends WarrenException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
