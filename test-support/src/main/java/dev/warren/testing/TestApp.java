package dev.warren.testing;

import dev.warren.Broker;
import dev.warren.SigningKeys;
import dev.warren.TaskCatalog;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.internal.protocol.TaskDefinition;
import dev.warren.internal.transport.BrokerNames;
import dev.warren.sync.Coordinator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one {@link WarrenTest} class gets besides its {@link TestBroker}: a namespace of its own,
 * signing keys of its own, the configuration with the app's catalogs, and the connection, client,
 * coordinator and workers made from it on first use. Closed after the class, before the broker's
 * cleanup deletes its queues.
 */
final class TestApp implements AutoCloseable {
    private final TestBroker test;
    private final WarrenConfig config;
    private final BrokerNames names;
    private final int concurrency;
    private final Set<String> queues = ConcurrentHashMap.newKeySet();
    private Broker broker;
    private TaskClient client;
    private Coordinator coordinator;
    private TestWorkers workers;

    TestApp(TestBroker test, List<Class<? extends TaskCatalog>> catalogs, int concurrency) {
        this.test = test;
        this.concurrency = concurrency;
        String namespace = test.uniqueName("t");
        WarrenConfig.Builder builder =
                test.config()
                        .signingKeys(SigningKeys.parse(SigningKeys.generate("kit"), "kit keys"))
                        .namespace(namespace)
                        .connectionName("warren-test");
        catalogsOf(catalogs).forEach(builder::catalog);
        this.config = builder.build();
        this.names = BrokerNames.of(namespace);
        config.registrations().keySet().stream()
                .filter(dev.warren.Task.class::isAssignableFrom)
                .map(type -> TaskDefinition.of(type).queue())
                .forEach(queues::add);
    }

    private static List<TaskCatalog> catalogsOf(List<Class<? extends TaskCatalog>> named) {
        if (named.isEmpty()) {
            return ServiceLoader.load(TaskCatalog.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();
        }
        return named.stream().map(TestApp::instantiate).toList();
    }

    private static TaskCatalog instantiate(Class<? extends TaskCatalog> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                    "@WarrenTest(catalogs = "
                            + type.getSimpleName()
                            + ".class) needs a public constructor without arguments",
                    e);
        }
    }

    WarrenConfig config() {
        return config;
    }

    synchronized Broker broker() {
        if (broker == null) {
            broker = Broker.connect(config);
        }
        return broker;
    }

    synchronized TaskClient client() {
        if (client == null) {
            client = new TaskClient(broker());
        }
        return client;
    }

    synchronized Coordinator coordinator() {
        if (coordinator == null) {
            coordinator = Coordinator.connect(config);
        }
        return coordinator;
    }

    synchronized TestWorkers workers() {
        if (workers == null) {
            workers = new TestWorkers(broker(), config.namespace(), concurrency, queues::add);
        }
        return workers;
    }

    /** Closes what it made and hands the namespace to the class's cleanup. */
    @Override
    public synchronized void close() {
        if (workers != null) {
            workers.close();
        }
        if (client != null) {
            client.close();
        }
        if (coordinator != null) {
            coordinator.close();
        }
        if (broker != null) {
            broker.close();
        }
        test.deleteNamespaceAfterClass(names, queues);
    }
}
