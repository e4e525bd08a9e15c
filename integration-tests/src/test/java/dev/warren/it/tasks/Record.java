package dev.warren.it.tasks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends its index to a file per worker process under {@code directory}, then returns {@code index
 * * 2}: the files tell how many times each task ran, across processes that get killed.
 */
@TaskOptions(queue = "it-chaos", timeoutSeconds = 60)
public record Record(int index, String directory, long millis) implements Task<Integer> {
    @Override
    public Integer run(TaskContext context) throws IOException, InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
        Path file =
                Path.of(directory, "executions-" + ManagementFactory.getRuntimeMXBean().getPid());
        synchronized (Record.class) {
            Files.writeString(
                    file,
                    index + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return index * 2;
    }
}
