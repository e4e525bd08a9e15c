/**
 * API: JUnit 5 support for tests against RabbitMQ. {@link dev.warren.testing.WarrenTest} (or {@link
 * dev.warren.testing.RabbitMqExtension}) gives test methods a {@link dev.warren.testing.TestBroker}
 * and deletes what each test class made on the broker; {@link dev.warren.testing.Queues} reads and
 * resets queues; {@link dev.warren.testing.TcpProxy} cuts or freezes connections for failure tests.
 *
 * <p>Plumbing, package-private: finding the broker ({@code BrokerEndpoint}, {@code
 * ContainerBroker}) and the cleanup after each class ({@code ClassCleanup}, {@code BrokerListing}).
 * JUnit Jupiter is a provided dependency and Testcontainers an optional one: bring both on the test
 * classpath.
 */
package dev.warren.testing;
