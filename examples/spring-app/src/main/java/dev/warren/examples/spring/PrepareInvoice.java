package dev.warren.examples.spring;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/**
 * A task: the record carries the data, the work uses a Spring bean that the worker's application
 * context provides.
 */
@TaskOptions(queue = "spring-app", maxAttempts = 3, timeoutSeconds = 30)
public record PrepareInvoice(String customer, long cents) implements Task<String> {
    @Override
    public String run(TaskContext context) {
        InvoiceFormatter formatter =
                context.service(InvoiceFormatter.class)
                        .orElseThrow(() -> new IllegalStateException("no InvoiceFormatter bean"));
        return formatter.format(customer, cents);
    }
}
