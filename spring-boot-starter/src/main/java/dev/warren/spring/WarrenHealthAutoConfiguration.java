package dev.warren.spring;

import dev.warren.Broker;
import dev.warren.sync.Coordinator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code warren} health indicator, when the application has Actuator; {@code
 * management.health.warren.enabled=false} turns it off.
 *
 * <pre>{@code
 * management.endpoint.health.show-details=always
 * }</pre>
 */
@AutoConfiguration(after = WarrenAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(Broker.class)
@ConditionalOnEnabledHealthIndicator("warren")
public class WarrenHealthAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "warrenHealthIndicator")
    WarrenHealthIndicator warrenHealthIndicator(
            Broker broker,
            ObjectProvider<WarrenWorkers> workers,
            ObjectProvider<Coordinator> coordinator) {
        return new WarrenHealthIndicator(broker, workers, coordinator);
    }
}
