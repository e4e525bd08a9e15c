package dev.warren.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The 3-node cluster of {@code scripts/local-cluster}, shared by every cluster test in this JVM.
 * Started at first use; stopped when the JVM ends if this JVM started it, so a developer's running
 * cluster survives a test run.
 */
public final class LocalCluster {
    public static final int NODES = 3;
    private static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
    private static LocalCluster instance;

    private final Path script;
    private final List<URI> uris;

    private LocalCluster(Path script, List<URI> uris) {
        this.script = script;
        this.uris = List.copyOf(uris);
    }

    /** Why cluster tests cannot run here, if they cannot. */
    static Optional<String> unavailableReason() {
        if (!Files.isExecutable(SERVER)) {
            return Optional.of(
                    "cluster tests need RabbitMQ's server package ("
                            + SERVER
                            + " is missing): apt-get install rabbitmq-server");
        }
        if (findScript().isEmpty()) {
            return Optional.of("scripts/local-cluster not found above " + workingDirectory());
        }
        return Optional.empty();
    }

    /** The running cluster, started on first call. */
    public static synchronized LocalCluster get() {
        if (instance == null) {
            Path script =
                    findScript().orElseThrow(() -> new IllegalStateException("no local-cluster"));
            boolean wasRunning = run(script, 60, "status").contains("running");
            String addresses = run(script, 300, "start").strip();
            List<URI> uris = new ArrayList<>();
            for (String uri : lastLine(addresses).split(",")) {
                uris.add(URI.create(uri));
            }
            instance = new LocalCluster(script, uris);
            if (!wasRunning) {
                Runtime.getRuntime()
                        .addShutdownHook(
                                new Thread(() -> run(script, 120, "stop"), "cluster-stop"));
            }
        }
        return instance;
    }

    /** Node n's URI (n from 1). */
    public URI uri(int node) {
        return uris.get(node - 1);
    }

    public List<URI> uris() {
        return uris;
    }

    /** Every node's URI, comma-separated, as a broker address list. */
    public String uriList() {
        return String.join(",", uris.stream().map(URI::toString).toList());
    }

    /** SIGKILLs node n; its data stays for {@link #restart}. */
    public void kill(int node) {
        run(script, 60, "kill", String.valueOf(node));
    }

    /** Starts node n again and waits until it runs. */
    public void restart(int node) {
        run(script, 180, "restart", String.valueOf(node));
    }

    /** {@code rabbitmqctl} against node n. */
    public String rabbitmqctl(int node, String... args) {
        List<String> command = new ArrayList<>(List.of("ctl", String.valueOf(node)));
        command.addAll(List.of(args));
        return run(script, 60, command.toArray(String[]::new));
    }

    /**
     * The node (1..3) whose replica leads a quorum queue, or that holds a classic one, asked of a
     * running node.
     */
    public int leaderOf(String queue, int askNode) {
        String listing =
                rabbitmqctl(askNode, "list_queues", "--no-table-headers", "name", "pid", "leader");
        for (String line : listing.split("\n")) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length >= 2 && columns[0].equals(queue)) {
                // a quorum queue names its leader; a classic one has only its process id
                return nodeOf(columns[columns.length - 1].replace("<", ""));
            }
        }
        throw new IllegalStateException("no queue " + queue + " in:\n" + listing);
    }

    /** Deletes every queue whose name starts with {@code prefix}, asked of a running node. */
    public void deleteQueuesStartingWith(String prefix, int askNode) {
        String listing = rabbitmqctl(askNode, "list_queues", "--no-table-headers", "name");
        for (String name : listing.split("\n")) {
            if (name.strip().startsWith(prefix)) {
                rabbitmqctl(askNode, "delete_queue", name.strip());
            }
        }
    }

    /**
     * The node (1..3) and broker-side process id of each client connection whose client properties
     * contain {@code namePart} (for instance a connection name), asked of a running node.
     */
    public List<ClientConnection> connectionsContaining(String namePart, int askNode) {
        String listing =
                rabbitmqctl(
                        askNode,
                        "list_connections",
                        "--no-table-headers",
                        "port",
                        "pid",
                        "client_properties");
        List<ClientConnection> found = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] columns = line.strip().split("\t");
            if (columns.length == 3 && columns[2].contains(namePart)) {
                found.add(
                        new ClientConnection(nodeOfPort(Integer.parseInt(columns[0])), columns[1]));
            }
        }
        return found;
    }

    /** A client's connection as the broker knows it. */
    public record ClientConnection(int node, String pid) {}

    /** Closes a client's connection from the broker side, on the node it is connected to. */
    public void closeConnection(ClientConnection connection, String reason) {
        rabbitmqctl(connection.node(), "close_connection", connection.pid(), reason);
    }

    /** Stops the RabbitMQ application on node n; its Erlang VM keeps running. */
    public void stopApp(int node) {
        rabbitmqctl(node, "stop_app");
    }

    /** Starts the application on node n again and waits until it runs. */
    public void startApp(int node) {
        rabbitmqctl(node, "start_app");
        rabbitmqctl(node, "await_startup");
    }

    private int nodeOfPort(int port) {
        for (int n = 1; n <= NODES; n++) {
            if (uri(n).getPort() == port) {
                return n;
            }
        }
        throw new IllegalStateException("no node of this cluster listens on port " + port);
    }

    private int nodeOf(String erlangNode) {
        for (int n = 1; n <= NODES; n++) {
            if (erlangNode.startsWith("warren-" + uri(n).getPort() + "@")) {
                return n;
            }
        }
        throw new IllegalStateException("not a node of this cluster: " + erlangNode);
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1].strip();
    }

    private static Optional<Path> findScript() {
        for (Path dir = workingDirectory(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/local-cluster");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path workingDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    private static String run(Path script, int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 && !args[0].equals("status")) {
                throw new IllegalStateException(
                        String.join(" ", command)
                                + " exited "
                                + process.exitValue()
                                + ":\n"
                                + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
