package dev.warren.it.ops;

import dev.warren.Broker;
import dev.warren.TaskId;
import dev.warren.cli.WarrenWorkerCommand;
import dev.warren.internal.protocol.DeadLetterNote;
import dev.warren.internal.protocol.TaskProtocol;
import dev.warren.internal.transport.BrokerLink;
import dev.warren.internal.transport.Topology;
import dev.warren.internal.wire.Envelope;
import dev.warren.internal.wire.Headers;
import dev.warren.internal.wire.Heading;
import dev.warren.internal.wire.RejectReason;
import dev.warren.it.support.RawMessages;
import dev.warren.testing.TestBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared steps of the operations tests: run the CLI in-process, make dead letters. */
final class Ops {
    private Ops() {}

    /** What one run of the command line printed, and its exit code. */
    record Run(int exitCode, String out, String err) {}

    static Path keyFile(Path dir, String keysText) throws Exception {
        Path file = dir.resolve("keys-" + System.nanoTime());
        Files.writeString(file, keysText + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /**
     * {@code warren-worker <command...> --broker @FILE --key-file FILE <args...>}, in this JVM; the
     * broker URI, password included, goes in a file beside the key file, as an operator would.
     */
    static Run cli(TestBroker broker, Path keyFile, List<String> command, String... args) {
        Path brokerFile = keyFile.resolveSibling(keyFile.getFileName() + ".broker");
        try {
            Files.writeString(brokerFile, broker.uri() + "\n");
            Files.setPosixFilePermissions(brokerFile, PosixFilePermissions.fromString("rw-------"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of("--broker", "@" + brokerFile, "--key-file", keyFile.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                WarrenWorkerCommand.run(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * A sealed task (attempt 3) and the dead letter a worker would have sealed for it, verified,
     * put straight into the DLQ; returns the task.
     */
    /** The operations tests' configuration: their three task classes, named up front. */
    static dev.warren.WarrenConfig config(TestBroker test) {
        return test.config().tasks(OpsEcho.class, OpsBoom.class, OpsBrokenUntilFixed.class).build();
    }

    static Envelope deadLetter(
            TestBroker test, Broker broker, String queue, Object task, String reason, String error)
            throws Exception {
        return deadLetter(test, broker, queue, task, reason, error, true, 0);
    }

    /**
     * As {@link #deadLetter(TestBroker, Broker, String, Object, String, String)}, saying whether
     * the worker verified the task, dead-lettered {@code ageMillis} ago (with a clock that far
     * back).
     */
    static Envelope deadLetter(
            TestBroker test,
            Broker broker,
            String queue,
            Object task,
            String reason,
            String error,
            boolean contentVerified,
            long ageMillis)
            throws Exception {
        BrokerLink.of(broker).types().admit(task.getClass()); // as a submit would
        Envelope sealed =
                BrokerLink.of(broker)
                        .sealer()
                        .seal(
                                new Heading(
                                        TaskId.random().toString(),
                                        task.getClass().getName(),
                                        System.currentTimeMillis(),
                                        null,
                                        3,
                                        TaskProtocol.taskOn(queue)),
                                task);
        TaskProtocol protocol =
                new TaskProtocol(
                        BrokerLink.of(broker).sealer(),
                        Clock.offset(Clock.systemUTC(), Duration.ofMillis(-ageMillis)));
        Envelope dead =
                protocol.deadLetter(
                        sealed,
                        queue,
                        Topology.deadLetterQueue(queue),
                        new DeadLetterNote(
                                RejectReason.valueOf(reason),
                                error,
                                Topology.workQueue(queue),
                                error + "\n\tat somewhere(Somewhere.java:1)",
                                contentVerified,
                                "it-host:1"));
        publish(test, queue, dead);
        return sealed;
    }

    /** A message put into the DLQ of {@code queue} as it is, with the plain RabbitMQ client. */
    static void publish(TestBroker test, String queue, Envelope envelope) throws Exception {
        RawMessages.publish(
                test,
                Topology.deadLetterQueue(queue),
                RawMessages.properties(envelope, RawMessages.headers(envelope)),
                envelope.body());
    }

    /** A task put into the DLQ with dead-letter headers by hand: nobody's seal, a forgery. */
    static void publishDead(
            TestBroker test,
            String queue,
            Envelope envelope,
            byte[] body,
            String reason,
            String error)
            throws Exception {
        Map<String, Object> headers = RawMessages.headers(envelope);
        headers.put(Headers.DEAD_REASON, reason);
        headers.put(Headers.DEAD_DETAIL, error);
        headers.put(Headers.ORIGIN_QUEUE, Topology.workQueue(queue));
        headers.put(Headers.DEAD_AT, Long.toString(System.currentTimeMillis()));
        headers.put(Headers.LAST_ERROR, error + "\n\tat somewhere(Somewhere.java:1)");
        RawMessages.publish(
                test,
                Topology.deadLetterQueue(queue),
                RawMessages.properties(envelope, headers),
                body);
    }
}
