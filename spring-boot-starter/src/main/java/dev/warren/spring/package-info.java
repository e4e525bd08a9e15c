/**
 * API: Warren's Spring Boot auto-configuration. {@code warren.*} properties become a {@code
 * WarrenConfig}; the {@code Broker}, {@code TaskClient} and {@code Coordinator} are beans; a worker
 * runs for {@code warren.worker.queues} as a {@code SmartLifecycle}, its tasks finding Spring beans
 * through {@code TaskContext.service(type)}; Actuator gets a {@code warren} health indicator and
 * the application's {@code MeterRegistry} gets Warren's meters.
 */
package dev.warren.spring;
