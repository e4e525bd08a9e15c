package dev.warren.it.ship;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/** Loads a class by a name in a string, which the dependency walk cannot follow. */
@TaskOptions(queue = "it-shipped-code")
public record LoadsByName(String className) implements Task<String> {
    @Override
    public String run(TaskContext context) throws Exception {
        return Class.forName(className).getSimpleName();
    }
}
