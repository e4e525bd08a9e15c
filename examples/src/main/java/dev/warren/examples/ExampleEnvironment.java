package dev.warren.examples;

import dev.warren.ShipOptions;
import dev.warren.SigningKeys;
import dev.warren.WarrenConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Where the examples find the broker and their keys: {@code WARREN_BROKER_URI} (default the local
 * broker) and {@code WARREN_KEYS} (default a fresh key for this run, handed to the workers it
 * starts).
 */
public final class ExampleEnvironment {
    private final URI brokerUri;
    private final String keysText;

    private ExampleEnvironment(URI brokerUri, String keysText) {
        this.brokerUri = brokerUri;
        this.keysText = keysText;
    }

    /** A given broker and keys (text form {@code id=base64secret}), as tests use it. */
    public static ExampleEnvironment of(URI brokerUri, String keysText) {
        return new ExampleEnvironment(brokerUri, keysText);
    }

    public static ExampleEnvironment fromEnvironment() {
        String uri = System.getenv("WARREN_BROKER_URI");
        String keys = System.getenv(SigningKeys.ENVIRONMENT_VARIABLE);
        return new ExampleEnvironment(
                URI.create(
                        uri == null || uri.isBlank()
                                ? WarrenConfig.DEFAULT_BROKER_URI.toString()
                                : uri),
                keys == null || keys.isBlank() ? SigningKeys.generate("example") : keys);
    }

    public URI brokerUri() {
        return brokerUri;
    }

    /** The keys in their text form, to pass to worker processes through {@code WARREN_KEYS}. */
    public String keysText() {
        return keysText;
    }

    public WarrenConfig config() {
        return builder().build();
    }

    /** {@link #config()} with shipping on: tasks carry their code to the workers. */
    public WarrenConfig shippingCodeConfig() {
        return builder().shipCode(ShipOptions.on()).build();
    }

    private WarrenConfig.Builder builder() {
        return WarrenConfig.custom()
                .brokerUri(brokerUri)
                .signingKeys(SigningKeys.parse(keysText, "example keys"))
                .connectAttempts(1);
    }

    /**
     * Whether something listens at the broker's address; if not, prints how to start RabbitMQ and
     * returns false, so the example ends with advice instead of a stack trace.
     */
    public boolean brokerReachable() {
        int port =
                brokerUri.getPort() > 0
                        ? brokerUri.getPort()
                        : "amqps".equals(brokerUri.getScheme()) ? 5671 : 5672;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(brokerUri.getHost(), port), 2000);
            return true;
        } catch (IOException e) {
            System.err.printf(
                    "No RabbitMQ answers at %s:%d (%s).%n"
                            + "Start one, then run this again:%n"
                            + "  on Debian/Ubuntu:  sudo apt-get install -y rabbitmq-server && sudo rabbitmq-server -detached%n"
                            + "  with Docker:       docker compose up -d rabbitmq%n"
                            + "or point WARREN_BROKER_URI at a running broker.%n",
                    brokerUri.getHost(), port, e.getMessage());
            return false;
        }
    }
}
