package dev.warren.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A producer and a worker in one Spring Boot application: {@link InvoiceRun} submits invoices, the
 * starter's worker runs them, and each {@link PrepareInvoice} formats its text with the {@link
 * InvoiceFormatter} bean it finds through its {@code TaskContext}. Everything else is in {@code
 * application.properties}.
 *
 * <pre>{@code
 * ./mvnw -q -pl worker-cli,examples/spring-app -am package -DskipTests
 * export WARREN_KEYS=$(java -jar worker-cli/target/warren-worker.jar keygen)
 * java -jar examples/spring-app/target/warren-example-spring-app.jar
 * }</pre>
 */
@SpringBootApplication
public class SpringAppApplication {
    public static void main(String[] args) {
        // the runner did the work: close the context, which stops the worker before the broker
        System.exit(
                SpringApplication.exit(SpringApplication.run(SpringAppApplication.class, args)));
    }
}
