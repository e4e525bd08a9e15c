package dev.warren.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.Broker;
import dev.warren.client.TaskClient;
import dev.warren.spring.StarterTestApplication.Greet;
import dev.warren.spring.StarterTestApplication.Greeter;
import dev.warren.testing.Queues;
import dev.warren.testing.TestBroker;
import dev.warren.testing.WarrenTest;
import dev.warren.worker.Worker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closing the application stops the worker first, letting its running task finish, reply and be
 * acknowledged, and closes the broker after. A context of its own, because the test closes it.
 */
@WarrenTest
class WarrenShutdownIT {
    @Test
    void closingTheApplicationLetsARunningTaskFinishBeforeTheBrokerCloses(TestBroker testBroker)
            throws Exception {
        Queues.reset(testBroker, StarterTestApplication.QUEUE);
        ConfigurableApplicationContext application =
                new SpringApplicationBuilder(StarterTestApplication.class)
                        .properties(
                                "warren.broker.uri=" + testBroker.uri(),
                                "warren.keys=" + testBroker.keysText(),
                                "warren.coordination=false",
                                "warren.worker.queues=" + StarterTestApplication.QUEUE,
                                "greeter.salutation=Hello")
                        .run();
        Broker broker = application.getBean(Broker.class);
        Worker worker = application.getBean(WarrenWorkers.class).worker().orElseThrow();
        Greeter greeter = application.getBean(Greeter.class);
        application.getBean(TaskClient.class).submit(new Greet("Linus", 1500));
        assertThat(greeter.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

        application.close();

        // finished and acknowledged while the broker was still open: nothing went back to the queue
        assertThat(worker.stats().succeeded()).isEqualTo(1);
        assertThat(Queues.depth(testBroker, "warren." + StarterTestApplication.QUEUE)).isZero();
        assertThat(broker.isConnected()).isFalse();
    }
}
