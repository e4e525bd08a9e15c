package dev.warren.cli;

import dev.warren.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The secret every dashboard request carries, in a header or as {@code ?token=}. */
final class DashboardToken {
    private static final int MIN_LENGTH = 16;

    private final String value;

    private DashboardToken(String value) {
        this.value = value;
    }

    /** 32 random bytes, URL-safe: a new one at each start unless the operator gives one. */
    static DashboardToken random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new DashboardToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    static DashboardToken of(String value) {
        String token = value == null ? "" : value.strip();
        if (token.length() < MIN_LENGTH || !token.matches("[A-Za-z0-9._~-]+")) {
            throw new ConfigurationException(
                    "a dashboard token is at least "
                            + MIN_LENGTH
                            + " characters of A-Z, a-z, 0-9, '.', '_', '~' or '-'");
        }
        return new DashboardToken(token);
    }

    /** The first line of {@code file}; errors name the file, never its content. */
    static DashboardToken fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(
                    "cannot read token file " + file + ": " + e.getMessage(), e);
        }
        try {
            return of(text.lines().findFirst().orElse(""));
        } catch (ConfigurationException e) {
            throw new ConfigurationException("token file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Constant-time, so the time an answer takes says nothing about how much of a guess was right.
     */
    boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8),
                        candidate.getBytes(StandardCharsets.UTF_8));
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "DashboardToken[***]";
    }
}
