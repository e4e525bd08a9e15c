package dev.warren.it.support;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The broker an integration test runs against, from {@link RabbitMqExtension}: its URI, a fresh
 * configuration with test keys, a raw RabbitMQ connection for injecting hand-made messages, and
 * {@code rabbitmqctl} for failure tests.
 */
public final class TestBroker {
    /** The key every test process shares, in the text form of {@code WARREN_KEYS}. */
    public static final String KEYS_TEXT = SigningKeys.generate("it");

    private final URI uri;
    private final CommandRunner rabbitmqctl;

    interface CommandRunner {
        String run(List<String> args) throws IOException, InterruptedException;
    }

    TestBroker(URI uri, CommandRunner rabbitmqctl) {
        this.uri = uri;
        this.rabbitmqctl = rabbitmqctl;
    }

    public URI uri() {
        return uri;
    }

    public SigningKeys keys() {
        return SigningKeys.parse(KEYS_TEXT, "test keys");
    }

    /** A configuration for this broker with the shared test key; add registrations to it. */
    public WarrenConfig.Builder config() {
        return WarrenConfig.custom().brokerUri(uri).signingKeys(keys()).connectAttempts(3);
    }

    /** A queue name no other test uses. */
    public static String uniqueQueue(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A plain RabbitMQ connection (no Warren), to inject raw messages. */
    public Connection rawConnection() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("warren-it-raw");
    }

    /** Runs {@code rabbitmqctl} on the broker's node and returns its output. */
    public String rabbitmqctl(String... args) throws IOException, InterruptedException {
        return rabbitmqctl.run(List.of(args));
    }

    static String runLocal(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("rabbitmqctl");
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("rabbitmqctl " + args + " failed: " + output);
        }
        return output;
    }
}
