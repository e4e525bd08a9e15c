package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The logging configuration inside the worker jar: Warren at INFO, the AMQP client at WARN. */
class ShippedLogbackConfigTest {
    @Test
    void warrenLogsAtInfoAndTheAmqpClientAtWarn() throws Exception {
        assumeTrue(System.getenv("WARREN_LOG_LEVEL") == null, "WARREN_LOG_LEVEL overrides it");
        URL config = WarrenWorkerCommand.class.getResource("/logback.xml");
        assertThat(config).as("logback.xml in the jar").isNotNull();
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);

        assertThat(context.getLogger("dev.warren.worker.Effects").getEffectiveLevel())
                .isEqualTo(Level.INFO);
        assertThat(context.getLogger("dev.warren.sync.MapOwner").getEffectiveLevel())
                .isEqualTo(Level.INFO);
        assertThat(context.getLogger("com.rabbitmq.client.impl.AMQConnection").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        context.stop();
    }
}
