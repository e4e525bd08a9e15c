package dev.warren.cli;

import dev.warren.ConfigurationException;
import dev.warren.SigningKeys;
import dev.warren.TaskCatalog;
import dev.warren.WarrenConfig;
import dev.warren.internal.transport.BrokerNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to the broker shares: where it is and how messages are
 * signed.
 */
final class ConnectionOptions {
    private static final Logger log = LoggerFactory.getLogger(ConnectionOptions.class);
    static final String BROKER_ENV = "WARREN_BROKER_URI";
    static final String NAMESPACE_ENV = "WARREN_NAMESPACE";

    @Option(
            names = {"-b", "--broker"},
            paramLabel = "URI|@FILE",
            description =
                    "RabbitMQ URI, e.g. amqps://rabbit.example:5671/vhost, or @FILE to read it from"
                            + " FILE. Several URIs, comma-separated, name the nodes of one cluster"
                            + " (same user, vhost and TLS): each connection tries them all. Every user of this host sees a password given here (ps):"
                            + " put such a URI in $"
                            + BrokerSource.ENVIRONMENT_VARIABLE
                            + " or --broker-file. (default: $"
                            + BrokerSource.ENVIRONMENT_VARIABLE
                            + ", else amqp://guest:guest@localhost:5672)")
    String broker;

    @Option(
            names = "--namespace",
            paramLabel = "NAME",
            description =
                    "Keeps this app's queues and exchanges apart from others on the broker: names"
                            + " start with warren@NAME. instead of warren. (default: $"
                            + NAMESPACE_ENV
                            + ", else none); every process of the app must agree")
    String namespace;

    @Option(
            names = "--broker-file",
            paramLabel = "FILE",
            description = "File whose first line is the broker URI, password included (chmod 600)")
    Path brokerFile;

    /** Where variables are read; tests replace it. */
    UnaryOperator<String> environment = System::getenv;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description =
                    "File with signing keys, one id=base64secret per line; the first signs. "
                            + "Keys are never taken on the command line.")
    Path keyFile;

    @Option(
            names = "--key-env",
            paramLabel = "VAR",
            description =
                    "Environment variable holding the signing keys (default: ${DEFAULT-VALUE})",
            defaultValue = SigningKeys.ENVIRONMENT_VARIABLE)
    String keyEnv;

    @Option(
            names = "--quorum",
            description =
                    "Declare work queues as quorum queues (clusters); all processes must agree")
    boolean quorum;

    @Option(
            names = "--connect-attempts",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "Tries to reach the broker at start, with backoff (default: ${DEFAULT-VALUE})")
    int connectAttempts;

    @Option(
            names = "--max-message-age",
            paramLabel = "SECONDS",
            description =
                    "Refuse tasks due longer ago than this, as possible replays (default: one day)")
    Double maxMessageAgeSeconds;

    SigningKeys signingKeys() {
        if (keyFile != null) {
            return SigningKeys.fromFile(keyFile);
        }
        String value = System.getenv(keyEnv);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(
                    "no signing keys: pass --key-file FILE or set the environment variable "
                            + keyEnv
                            + " (create a key with: warren-worker keygen)");
        }
        return SigningKeys.parse(value, "environment variable " + keyEnv);
    }

    /**
     * A JVM cannot take a variable out of its own environment, so every process a task starts
     * inherits the keys unless the task cleans the child's environment; a key file avoids that.
     */
    void warnIfKeysComeFromTheEnvironment() {
        if (keyFile == null) {
            log.warn(
                    "signing keys come from the environment variable {}: every process a task"
                            + " starts inherits them unless it removes {} from the child's"
                            + " environment (ProcessBuilder.environment()); prefer --key-file",
                    keyEnv,
                    keyEnv);
        }
    }

    BrokerSource brokerSource() {
        return BrokerSource.resolve(broker, brokerFile, environment);
    }

    /** A password in the arguments can be read by anyone on the host and stays in shell history. */
    private void warnIfPasswordOnTheCommandLine(BrokerSource source) {
        if (source.passwordOnCommandLine()) {
            log.warn(
                    "the broker URI given with --broker holds a password: every user of this host"
                            + " can read it (ps, /proc/PID/cmdline) and shell history keeps it;"
                            + " put the URI in the environment variable {} or in a file given with"
                            + " --broker-file FILE (or --broker @FILE), chmod 600",
                    BrokerSource.ENVIRONMENT_VARIABLE);
        }
    }

    String namespace() {
        String chosen = namespace != null ? namespace : System.getenv(NAMESPACE_ENV);
        return chosen == null ? "" : chosen.strip();
    }

    /** The broker names of the namespace, for messages; {@link #config} has checked it. */
    BrokerNames names() {
        return BrokerNames.of(namespace());
    }

    WarrenConfig config(List<TaskCatalog> catalogs, String connectionName) {
        BrokerSource source = brokerSource();
        warnIfPasswordOnTheCommandLine(source);
        WarrenConfig.Builder builder =
                WarrenConfig.custom()
                        .brokerUri(source.uri())
                        .signingKeys(signingKeys())
                        .quorumQueues(quorum)
                        .connectAttempts(connectAttempts)
                        .connectionName(connectionName)
                        .namespace(namespace());
        if (maxMessageAgeSeconds != null) {
            builder.maxMessageAge(Duration.ofMillis((long) (maxMessageAgeSeconds * 1000)));
        }
        catalogs.forEach(builder::catalog);
        return builder.build();
    }
}
