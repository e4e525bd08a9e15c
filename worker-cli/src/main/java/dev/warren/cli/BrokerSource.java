package dev.warren.cli;

import dev.warren.ConfigurationException;
import dev.warren.WarrenConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where a command's broker URI comes from, first match wins: {@code --broker URI}, {@code
 * --broker @FILE} or {@code --broker-file FILE}, the environment variable {@value
 * #ENVIRONMENT_VARIABLE}, else the local default. A URI given on the command line is visible to
 * every user of the host ({@code ps}, {@code /proc/PID/cmdline}), so one with a password is worth a
 * warning.
 *
 * <pre>{@code
 * BrokerSource source = BrokerSource.resolve(option, file, System::getenv);
 * if (source.passwordOnCommandLine()) { warn(...); }
 * }</pre>
 *
 * @param uri the URI, as text, for {@code WarrenConfig.Builder.brokerUri}
 * @param passwordOnCommandLine whether it came from the command line with a password in it
 */
record BrokerSource(String uri, boolean passwordOnCommandLine) {
    static final String ENVIRONMENT_VARIABLE = "WARREN_BROKER_URI";

    private static final Set<PosixFilePermission> OPEN_TO_OTHERS =
            EnumSet.of(
                    PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE);

    static BrokerSource resolve(String option, Path file, UnaryOperator<String> environment) {
        if (option != null && file != null) {
            throw new ConfigurationException("give --broker or --broker-file, not both");
        }
        if (option != null && option.startsWith("@")) {
            return new BrokerSource(read(Path.of(option.substring(1))), false);
        }
        if (option != null) {
            return new BrokerSource(option, hasPassword(option));
        }
        if (file != null) {
            return new BrokerSource(read(file), false);
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new BrokerSource(fromEnvironment.strip(), false);
        }
        return new BrokerSource(WarrenConfig.DEFAULT_BROKER_URI.toString(), false);
    }

    /** Whether a URI's user info holds a password ({@code user:password@}); any of a list. */
    static boolean hasPassword(String uris) {
        for (String uri : uris.split(",")) {
            try {
                String userInfo = new URI(uri.strip()).getRawUserInfo();
                if (userInfo != null && userInfo.indexOf(':') >= 0) {
                    return true;
                }
            } catch (URISyntaxException e) {
                // WarrenConfig refuses it, without quoting it
            }
        }
        return false;
    }

    /** The first line of {@code file} that is neither blank nor a {@code #} comment. */
    private static String read(Path file) {
        String uri;
        try {
            uri =
                    Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new ConfigurationException(
                                                    "broker file " + file + " holds no URI"));
        } catch (IOException e) {
            throw new ConfigurationException(
                    "cannot read broker file " + file + ": " + e.getMessage(), e);
        }
        if (hasPassword(uri)) {
            refuseIfOpenToOthers(file);
        }
        return uri;
    }

    private static void refuseIfOpenToOthers(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (IOException e) {
            throw new ConfigurationException(
                    "cannot read broker file " + file + ": " + e.getMessage(), e);
        }
        permissions.retainAll(OPEN_TO_OTHERS);
        if (!permissions.isEmpty()) {
            throw new ConfigurationException(
                    "broker file "
                            + file
                            + " holds a password and its group or others may read it; make it"
                            + " readable by its owner only: chmod 600 "
                            + file);
        }
    }
}
