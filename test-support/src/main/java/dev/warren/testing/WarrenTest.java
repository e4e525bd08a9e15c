package dev.warren.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against RabbitMQ: its test methods (and constructor,
 * {@code @BeforeAll}, {@code @BeforeEach}, ...) can take a {@link TestBroker} parameter, and what
 * the class made on the broker is deleted after it. Short for
 * {@code @ExtendWith(RabbitMqExtension.class)}; see {@link RabbitMqExtension} for where the broker
 * comes from.
 *
 * <pre>{@code
 * @WarrenTest
 * class PrimesIT {
 *     @Test
 *     void sumsPrimes(TestBroker broker) throws Exception {
 *         Queues.reset(broker, "primes");
 *         try (Broker connection = Broker.connect(broker.config().build());
 *                 Worker worker = Worker.start(connection, WorkerConfig.custom().queues("primes").build());
 *                 TaskClient client = new TaskClient(connection)) {
 *             assertEquals(17L, client.submit(new SumPrimes(10)).await(Duration.ofSeconds(30)));
 *         }
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RabbitMqExtension.class)
public @interface WarrenTest {}
