package dev.warren.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link WarrenTest}: resolves {@link TestBroker} parameters, one
 * instance per test class, and after the class deletes what it made through it.
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
 * <p>After each test class it deletes the task queues given to {@link Queues#reset} (work,
 * dead-letter and retry-delay queues) and every queue and exchange named after {@link
 * TestBroker#uniqueName}; where {@code rabbitmqctl} can list the broker's queues (a local broker or
 * the container), the class fails if one of the latter is still there.
 */
public final class RabbitMqExtension implements ParameterResolver, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RabbitMqExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext testClass = classOf(context);
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

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TestBroker broker =
                context.getStore(NAMESPACE).remove(context.getUniqueId(), TestBroker.class);
        if (broker != null) {
            broker.cleanUp();
        }
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
