package dev.warren.spring;

import dev.warren.WarrenConfig;

/**
 * Changes the {@link WarrenConfig} the starter builds from {@code warren.*}, for what properties do
 * not say: Kryo registrations, message age limits, a heartbeat. Every customizer bean is applied,
 * in {@code @Order}, after the properties.
 *
 * <pre>{@code
 * @Bean
 * WarrenConfigCustomizer registrations() {
 *     return builder -> builder.catalog(new PaymentsCatalog()).maxMessageAge(Duration.ofHours(1));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface WarrenConfigCustomizer {
    void customize(WarrenConfig.Builder builder);
}
