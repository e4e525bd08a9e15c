/**
 * API: the test kit. {@link dev.warren.testing.WarrenTest} (or {@link
 * dev.warren.testing.RabbitMqExtension}) runs a test class against RabbitMQ in a namespace of its
 * own, hands it a {@link dev.warren.testing.TestBroker}, a configuration, a client, a coordinator
 * and {@link dev.warren.testing.TestWorkers}, and deletes what the class made on the broker; {@link
 * dev.warren.testing.EagerTasks} runs tasks in the test's process with no broker; {@link
 * dev.warren.testing.Queues} reads and resets queues; {@link dev.warren.testing.TcpProxy} cuts or
 * freezes connections for failure tests.
 *
 * <p>Plumbing, package-private: finding the broker ({@code BrokerEndpoint}, {@code
 * ContainerBroker}), what a class gets ({@code TestApp}) and the cleanup after each class ({@code
 * ClassCleanup}, {@code BrokerListing}). JUnit Jupiter is a provided dependency and Testcontainers
 * an optional one: bring both on the test classpath.
 */
package dev.warren.testing;
