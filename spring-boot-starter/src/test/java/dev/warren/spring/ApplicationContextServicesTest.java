package dev.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;

class ApplicationContextServicesTest {
    @Test
    void findsTheOnlyBeanOfAType() {
        StaticApplicationContext context = new StaticApplicationContext();
        context.getBeanFactory().registerSingleton("payments", new StringBuilder("payments"));

        ApplicationContextServices services = new ApplicationContextServices(context);

        assertThat(services.apply(StringBuilder.class)).get().hasToString("payments");
        assertThat(services.apply(CharSequence.class)).get().hasToString("payments");
    }

    @Test
    void findsNothingForATypeWithNoBeanOrWithTwo() {
        StaticApplicationContext context = new StaticApplicationContext();
        context.getBeanFactory().registerSingleton("one", new StringBuilder("one"));
        context.getBeanFactory().registerSingleton("two", new StringBuilder("two"));

        ApplicationContextServices services = new ApplicationContextServices(context);

        assertThat(services.apply(StringBuilder.class)).isEmpty();
        assertThat(services.apply(Integer.class)).isEmpty();
    }
}
