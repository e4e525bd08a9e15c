package dev.warren.examples.spring;

import dev.warren.client.TaskClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/** The producer: submits one invoice per customer and prints each result as it comes back. */
@Component
public class InvoiceRun implements CommandLineRunner {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TaskClient warren;

    public InvoiceRun(TaskClient warren) {
        this.warren = warren;
    }

    @Override
    public void run(String... args) throws Exception {
        List<PrepareInvoice> invoices =
                List.of(
                        new PrepareInvoice("Ada", 12_50),
                        new PrepareInvoice("Grace", 99_99),
                        new PrepareInvoice("Linus", 1_00));
        List<String> texts = warren.map(invoices).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        texts.forEach(System.out::println);
        System.out.println(
                "prepared " + texts.size() + " invoices on the worker in this application");
    }
}
