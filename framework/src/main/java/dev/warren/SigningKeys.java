package dev.warren;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a process signs and verifies with. It signs with the first key and accepts any of them,
 * so keys rotate without downtime: add the new key second everywhere, then move it first, then drop
 * the old one.
 *
 * <p>The text form, used by key files and the {@code WARREN_KEYS} environment variable, is one
 * {@code id=base64secret} per line (or separated by commas); {@code #} starts a comment.
 *
 * <pre>{@code
 * SigningKeys keys = SigningKeys.fromFile(Path.of("/etc/warren/keys"));
 * SigningKeys keys = SigningKeys.of("k1", secret).and("k0", previousSecret);
 * }</pre>
 */
public final class SigningKeys {
    /** The environment variable read by {@link #fromEnvironment()} and by {@code warren-worker}. */
    public static final String ENVIRONMENT_VARIABLE = "WARREN_KEYS";

    private static final Set<PosixFilePermission> OPEN_TO_OTHERS =
            EnumSet.of(
                    PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE);

    private final List<SigningKey> keys;
    private final Map<String, SigningKey> byId;

    private SigningKeys(List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new ConfigurationException("at least one signing key is required");
        }
        Map<String, SigningKey> index = new LinkedHashMap<>();
        for (SigningKey key : keys) {
            if (index.put(key.id(), key) != null) {
                throw new ConfigurationException(
                        "signing key id '" + key.id() + "' is given twice");
            }
        }
        this.keys = List.copyOf(keys);
        this.byId = Map.copyOf(index);
    }

    public static SigningKeys of(String id, byte[] secret) {
        return new SigningKeys(List.of(SigningKey.of(id, secret)));
    }

    /** These keys plus one more, accepted for verification but not used to sign. */
    public SigningKeys and(String id, byte[] secret) {
        List<SigningKey> more = new ArrayList<>(keys);
        more.add(SigningKey.of(id, secret));
        return new SigningKeys(more);
    }

    /** Parses the text form; errors name the line, never the secret. */
    public static SigningKeys parse(String text, String source) {
        List<SigningKey> parsed = new ArrayList<>();
        String[] entries = text.split("[\\n,]");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException(
                        source + ": entry " + (i + 1) + " is not of the form id=base64secret");
            }
            String id = entry.substring(0, eq).strip();
            String encoded = entry.substring(eq + 1).strip();
            if (!SigningKey.isValidId(id) || encoded.isEmpty()) {
                // the text before '=' may be a secret whose only '=' is its padding: never echo it
                throw new ConfigurationException(
                        source
                                + ": entry "
                                + (i + 1)
                                + " is not of the form id=base64secret (the id is 1-64 letters,"
                                + " digits, '.', '_' or '-')");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(
                        source + ": the secret of key '" + id + "' is not valid base64");
            }
            try {
                parsed.add(SigningKey.of(id, secret));
            } catch (ConfigurationException e) {
                throw new ConfigurationException(source + ": " + e.getMessage());
            }
        }
        if (parsed.isEmpty()) {
            throw new ConfigurationException(
                    source + " holds no signing key (expected id=base64secret)");
        }
        return new SigningKeys(parsed);
    }

    /**
     * Reads a key file, refusing one that its group or others may read or write where the file
     * system has POSIX permissions: a secret anyone on the host can read signs for them too.
     */
    public static SigningKeys fromFile(Path file) {
        refuseIfOpenToOthers(file);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), "key file " + file);
        } catch (IOException e) {
            throw new ConfigurationException(
                    "cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void refuseIfOpenToOthers(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (IOException e) {
            throw new ConfigurationException(
                    "cannot read key file " + file + ": " + e.getMessage(), e);
        }
        if (!Collections.disjoint(permissions, OPEN_TO_OTHERS)) {
            throw new ConfigurationException(
                    "key file "
                            + file
                            + " is "
                            + PosixFilePermissions.toString(permissions)
                            + ": its group or others may read it; make it readable by its owner"
                            + " only: chmod 600 "
                            + file);
        }
    }

    /** Reads {@value #ENVIRONMENT_VARIABLE}. */
    public static SigningKeys fromEnvironment() {
        return fromEnvironment(ENVIRONMENT_VARIABLE);
    }

    public static SigningKeys fromEnvironment(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("environment variable " + variable + " is not set");
        }
        return parse(value, "environment variable " + variable);
    }

    /** A fresh random 32-byte key, in the text form {@code id=base64secret}. */
    public static String generate(String id) {
        byte[] secret = new byte[SigningKey.MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        SigningKey.of(id, secret);
        return id + "=" + Base64.getEncoder().encodeToString(secret);
    }

    /** The id of the key new messages are signed with: the first one. */
    public String signingKeyId() {
        return keys.get(0).id();
    }

    /** Every key id, the signing key's first. */
    public List<String> ids() {
        return keys.stream().map(SigningKey::id).toList();
    }

    /** A copy of the secret of key {@code id}, if these keys hold it. */
    public Optional<byte[]> secret(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id)).map(SigningKey::secret);
    }

    @Override
    public String toString() {
        return "SigningKeys" + keys.stream().map(SigningKey::id).toList();
    }
}
