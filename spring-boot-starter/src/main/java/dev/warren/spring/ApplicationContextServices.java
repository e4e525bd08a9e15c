package dev.warren.spring;

import dev.warren.worker.ServiceLookup;
import java.util.Optional;
import org.springframework.beans.factory.BeanFactory;

/**
 * What {@code TaskContext.service(type)} finds in a Spring application: the bean of that type, if
 * there is exactly one (or one marked {@code @Primary}).
 *
 * <pre>{@code
 * PaymentService payments = context.service(PaymentService.class).orElseThrow();
 * }</pre>
 */
final class ApplicationContextServices implements ServiceLookup {
    private final BeanFactory beans;

    ApplicationContextServices(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Optional<?> find(Class<?> type) {
        return Optional.ofNullable(beans.getBeanProvider(type).getIfUnique());
    }
}
