package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceLocatorTest {
    @Test
    void aTypeNoServiceRegisteredIsAskedOfTheLookup() {
        ServiceLocator services =
                WorkerConfig.custom()
                        .queues("q")
                        .serviceLookup(
                                type ->
                                        type == CharSequence.class
                                                ? Optional.of("from the lookup")
                                                : Optional.empty())
                        .build()
                        .services();

        assertThat(services.find(CharSequence.class)).contains("from the lookup");
        assertThat(services.find(Integer.class)).isEmpty();
    }

    @Test
    void aRegisteredServiceComesBeforeTheLookupWhicheverWasGivenFirst() {
        ServiceLocator services =
                WorkerConfig.custom()
                        .queues("q")
                        .serviceLookup(type -> Optional.of("from the lookup"))
                        .service(CharSequence.class, "registered")
                        .build()
                        .services();

        assertThat(services.find(CharSequence.class)).contains("registered");
    }

    @Test
    void withoutALookupOnlyRegisteredServicesAreFound() {
        ServiceLocator services =
                WorkerConfig.custom().queues("q").service(Long.class, 7L).build().services();

        assertThat(services.find(Long.class)).contains(7L);
        assertThat(services.find(String.class)).isEmpty();
    }
}
