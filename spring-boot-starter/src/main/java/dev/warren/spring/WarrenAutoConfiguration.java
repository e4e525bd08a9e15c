package dev.warren.spring;

import dev.warren.Broker;
import dev.warren.WarrenConfig;
import dev.warren.client.TaskClient;
import dev.warren.sync.Coordinator;
import dev.warren.worker.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Warren in a Spring Boot application: a {@link WarrenConfig} from {@code warren.*}, the {@link
 * Broker}, a {@link TaskClient} and a {@link Coordinator}, each replaceable by a bean of the
 * application's own, and {@link WarrenWorkers} running a worker for {@code warren.worker.queues}.
 * Meters go to the application's {@link MeterRegistry} when it has one.
 *
 * <pre>{@code
 * @Service
 * class Checkout {
 *     Checkout(TaskClient warren) { this.warren = warren; }
 *     Receipt pay(Order order) { return warren.submit(new Charge(order.id())).await(Duration.ofSeconds(30)); }
 * }
 * }</pre>
 */
@AutoConfiguration
@EnableConfigurationProperties(WarrenProperties.class)
public class WarrenAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    WarrenConfig warrenConfig(
            WarrenProperties properties,
            ObjectProvider<WarrenConfigCustomizer> customizers,
            BeanFactory beans) {
        ClassLoader classLoader = WarrenAutoConfiguration.class.getClassLoader();
        if (beans instanceof ConfigurableBeanFactory c && c.getBeanClassLoader() != null) {
            classLoader = c.getBeanClassLoader();
        }
        WarrenConfig.Builder builder = WarrenConfigFactory.builder(properties, classLoader);
        builder.tasks(ApplicationTasks.find(beans, classLoader).toArray(Class<?>[]::new));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Before the broker, so that wrong worker properties fail the start before it connects. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(
            name = "warren.worker.enabled",
            havingValue = "true",
            matchIfMissing = true)
    WarrenWorkers warrenWorkers(
            ObjectProvider<Broker> broker,
            WarrenProperties properties,
            ObjectProvider<MeterRegistry> meters,
            BeanFactory beans) {
        WarrenProperties.Worker worker = properties.getWorker();
        WorkerConfig config =
                worker.getQueues().isEmpty()
                        ? null
                        : WorkerConfigFactory.create(
                                worker,
                                meters.getIfAvailable(() -> Metrics.globalRegistry),
                                new ApplicationContextServices(beans));
        return new WarrenWorkers(broker::getObject, config);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Broker warrenBroker(WarrenConfig config) {
        return Broker.connect(config);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    TaskClient warrenTaskClient(Broker broker, ObjectProvider<MeterRegistry> meters) {
        return new TaskClient(broker, meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(
            name = "warren.coordination",
            havingValue = "true",
            matchIfMissing = true)
    Coordinator warrenCoordinator(WarrenConfig config) {
        return Coordinator.connect(config);
    }
}
