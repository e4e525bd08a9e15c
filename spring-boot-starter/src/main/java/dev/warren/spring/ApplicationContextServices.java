package dev.warren.spring;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.BeanFactory;

/**
 * What {@code TaskContext.service(type)} finds in a Spring application: the bean of that type, if
 * there is exactly one (or one marked {@code @Primary}).
 *
 * <pre>{@code
 * PaymentService payments = context.service(PaymentService.class).orElseThrow();
 * }</pre>
 */
final class ApplicationContextServices implements Function<Class<?>, Optional<?>> {
    private final BeanFactory beans;

    ApplicationContextServices(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Optional<?> apply(Class<?> type) {
        return Optional.ofNullable(beans.getBeanProvider(type).getIfUnique());
    }
}
