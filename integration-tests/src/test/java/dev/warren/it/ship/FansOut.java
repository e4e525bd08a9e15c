package dev.warren.it.ship;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Submits one {@link ShippedPrimeSum} per limit from the worker it runs on, to {@code partsQueue},
 * and adds up their results: tasks that a shipped task submits travel in its bundle.
 */
@TaskOptions(queue = "it-shipped-types")
public record FansOut(List<Integer> limits, String partsQueue) implements Task<Long> {
    @Override
    public Long run(TaskContext context) {
        TaskClient client =
                context.service(TaskClient.class)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "start the worker with --task-client"));
        List<TaskHandle<Long>> parts = new ArrayList<>();
        for (int limit : limits) {
            parts.add(client.submit(new ShippedPrimeSum(limit), SubmitOptions.onQueue(partsQueue)));
        }
        long sum = 0;
        for (TaskHandle<Long> part : parts) {
            sum += part.await(Duration.ofSeconds(30));
        }
        return sum;
    }
}
