package dev.warren.testing;

import dev.warren.Broker;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.sync.Coordinator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WarrenTest}: resolves {@link TestBroker}, {@code
 * WarrenConfig}, {@code Broker}, {@code TaskClient}, {@code Coordinator} and {@link TestWorkers}
 * parameters and fields, one of each per test class, and after the class closes them and deletes
 * what the class made.
 *
 * <p>The broker is chosen once per JVM: a Testcontainers {@code RabbitMQContainer} when {@code
 * org.testcontainers:rabbitmq} is on the test classpath and a Docker engine answers (unless {@code
 * WARREN_TEST_DOCKER=false}), otherwise the broker at {@code WARREN_TEST_BROKER_URI} (default
 * {@code amqp://guest:guest@localhost:5672}).
 *
 * <pre>{@code
 * @ExtendWith(RabbitMqExtension.class)
 * class RoundTripIT {
 *     @Test
 *     void echoes(TestBroker broker) { ... }
 * }
 * }</pre>
 *
 * <p>After each test class it deletes the class's namespace (every queue and exchange in it), the
 * task queues given to {@link Queues#reset} (work, dead-letter and retry-delay queues) and every
 * queue and exchange named after {@link TestBroker#uniqueName}; where {@code rabbitmqctl} can list
 * the broker's queues (a local broker or the container), the class fails if one of the latter is
 * still there.
 */
public final class RabbitMqExtension
        implements ParameterResolver,
                BeforeAllCallback,
                TestInstancePostProcessor,
                AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RabbitMqExtension.class);

    private static final Map<Class<?>, Function<TestApp, Object>> FROM_APP =
            Map.of(
                    WarrenConfig.class, TestApp::config,
                    Broker.class, TestApp::broker,
                    TaskClient.class, TestApp::client,
                    Coordinator.class, TestApp::coordinator,
                    TestWorkers.class, TestApp::workers);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestBroker.class || FROM_APP.containsKey(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return resolve(parameter.getParameter().getType(), classOf(context));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String[] queues = settings(context).map(WarrenTest::workers).orElse(new String[0]);
        if (queues.length > 0) {
            app(context).workers().start(queues);
        }
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context)
            throws IllegalAccessException {
        ExtensionContext testClass = classOf(context);
        for (Class<?> c = instance.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Class<?> type = field.getType();
                boolean injectable = type == TestBroker.class || FROM_APP.containsKey(type);
                if (!injectable
                        || Modifier.isStatic(field.getModifiers())
                        || Modifier.isFinal(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                if (field.get(instance) == null) {
                    field.set(instance, resolve(type, testClass));
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestApp app = store.remove(appKey(context), TestApp.class);
        TestBroker broker = store.remove(context.getUniqueId(), TestBroker.class);
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.cleanUp();
        }
    }

    private static Object resolve(Class<?> type, ExtensionContext testClass) {
        if (type == TestBroker.class) {
            return broker(testClass);
        }
        return FROM_APP.get(type).apply(app(testClass));
    }

    private static TestBroker broker(ExtensionContext testClass) {
        return testClass
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        testClass.getUniqueId(),
                        id -> {
                            BrokerEndpoint endpoint = BrokerEndpoint.shared();
                            return new TestBroker(endpoint, new ClassCleanup(endpoint));
                        },
                        TestBroker.class);
    }

    private static TestApp app(ExtensionContext testClass) {
        Optional<WarrenTest> settings = settings(testClass);
        return testClass
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        appKey(testClass),
                        id ->
                                new TestApp(
                                        broker(testClass),
                                        settings.map(s -> List.of(s.catalogs())).orElse(List.of()),
                                        settings.map(WarrenTest::concurrency).orElse(2)),
                        TestApp.class);
    }

    private static String appKey(ExtensionContext testClass) {
        return testClass.getUniqueId() + "/app";
    }

    private static Optional<WarrenTest> settings(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, WarrenTest.class));
    }

    /** The class a test method, a repetition or a dynamic test belongs to. */
    private static ExtensionContext classOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
