package dev.warren.it.ship;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file of its package through the thread's context class loader, as ServiceLoader and most
 * frameworks look things up: the file exists only in this producer's class path and the bundle.
 */
@TaskOptions(queue = "it-shipped-types")
public record ReadsItsResource(String name) implements Task<String> {
    @Override
    public String run(TaskContext context) throws IOException {
        String path = ReadsItsResource.class.getPackageName().replace('.', '/') + "/" + name;
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return in == null
                    ? "no " + path
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
