package dev.warren.testing;

import dev.warren.TaskCatalog;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against RabbitMQ (see {@link RabbitMqExtension} for where the broker
 * comes from), in a namespace of its own with signing keys of its own, so its queues never meet
 * those of another run on the same broker. Test methods, constructors and lifecycle methods can
 * take, and non-static fields of these types left null are given:
 *
 * <ul>
 *   <li>{@code WarrenConfig}: the class's configuration (namespace, keys, the app's catalogs);
 *   <li>{@code Broker}, {@code TaskClient}, {@code Coordinator}: connected with it, one each per
 *       class;
 *   <li>{@link TestWorkers}: in-process workers started on demand ({@link #workers()} starts some
 *       before the first test);
 *   <li>{@link TestBroker}: the broker itself (its {@code config()} has no namespace).
 * </ul>
 *
 * <p>After the class, workers, client, coordinator and connection are closed and every queue and
 * exchange of the namespace is deleted.
 *
 * <pre>{@code
 * @WarrenTest(workers = "checksums")
 * class ChecksumTest {
 *     TaskClient client;
 *
 *     @Test
 *     void checksumsTheBytes() {
 *         assertThat(client.submit(new Checksum(bytes))).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(expected);
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RabbitMqExtension.class)
public @interface WarrenTest {
    /** Queues to start one in-process worker for before the first test of the class. */
    String[] workers() default {};

    /** The app's task catalogs; none named: every {@code TaskCatalog} the ServiceLoader finds. */
    Class<? extends TaskCatalog>[] catalogs() default {};

    /** Tasks at once in each worker {@link TestWorkers#start(String...)} starts. */
    int concurrency() default 2;
}
