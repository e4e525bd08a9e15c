package dev.warren.spring;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The application {@code WarrenStarterIT} starts: a Spring bean that the task code uses. */
@SpringBootConfiguration
@EnableAutoConfiguration
class StarterTestApplication {
    static final String QUEUE = "spring-starter-it";

    @Bean
    Greeter greeter(@Value("${greeter.salutation}") String salutation) {
        return new Greeter(salutation);
    }

    /** A Spring bean: tasks reach it only through {@code TaskContext.service(Greeter.class)}. */
    static final class Greeter {
        final String salutation;
        final AtomicInteger greeted = new AtomicInteger();
        final CountDownLatch slowStarted = new CountDownLatch(1);

        Greeter(String salutation) {
            this.salutation = salutation;
        }

        String greet(String name, Duration take) throws InterruptedException {
            greeted.incrementAndGet();
            if (!take.isZero()) {
                slowStarted.countDown();
                // nothing releases it: the task takes this long, so that a stop finds it running
                new CountDownLatch(1).await(take.toMillis(), TimeUnit.MILLISECONDS);
            }
            return salutation + ", " + name;
        }
    }

    @TaskOptions(queue = QUEUE, timeoutSeconds = 30)
    record Greet(String name, long takeMillis) implements Task<String> {
        @Override
        public String run(TaskContext context) throws Exception {
            Greeter greeter =
                    context.service(Greeter.class)
                            .orElseThrow(() -> new IllegalStateException("no Greeter service"));
            return greeter.greet(name, Duration.ofMillis(takeMillis));
        }
    }
}
