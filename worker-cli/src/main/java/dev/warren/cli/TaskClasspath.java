package dev.warren.cli;

import dev.warren.ConfigurationException;
import dev.warren.TaskCatalog;
import dev.warren.internal.types.TaskScan;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The application's jars and class directories given with {@code --classpath}: the task classes
 * found in them (records implementing Task with {@code @TaskOptions}), which form the worker's
 * allow-list, and the optional {@link TaskCatalog}s giving some classes explicit ids.
 */
final class TaskClasspath {
    private final ClassLoader loader;
    private final List<Path> entries;

    private TaskClasspath(ClassLoader loader, List<Path> entries) {
        this.loader = loader;
        this.entries = List.copyOf(entries);
    }

    static TaskClasspath of(List<String> entries) {
        List<URL> urls = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(File.pathSeparator)) {
                if (part.isBlank()) {
                    continue;
                }
                Path path = Path.of(part);
                if (!Files.exists(path)) {
                    throw new ConfigurationException("--classpath entry does not exist: " + path);
                }
                paths.add(path);
                try {
                    urls.add(path.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new ConfigurationException("--classpath entry is not usable: " + path);
                }
            }
        }
        ClassLoader parent = TaskClasspath.class.getClassLoader();
        return new TaskClasspath(
                urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent),
                paths);
    }

    ClassLoader loader() {
        return loader;
    }

    /**
     * The task classes in the {@code --classpath} entries (without any, on this JVM's class path
     * beside Warren's jars), found without initialising any class.
     *
     * @throws ConfigurationException when there is none: the worker could decode no task
     */
    List<Class<?>> tasks() {
        return tasks(false);
    }

    /** As {@link #tasks()}; a worker that accepts shipped code may find none. */
    List<Class<?>> tasks(boolean acceptsCode) {
        List<Class<?>> tasks =
                TaskScan.taskClasses(
                        entries.isEmpty() ? TaskScan.applicationClasspath() : entries, loader);
        if (tasks.isEmpty() && !acceptsCode) {
            throw new ConfigurationException(
                    "no task class found on --classpath "
                            + entries
                            + ": a worker runs the records implementing Task annotated with"
                            + " @TaskOptions that it finds there");
        }
        return tasks;
    }

    /**
     * The catalogs named with {@code --catalog}, or else every catalog registered with {@link
     * ServiceLoader} on the classpath (often none: catalogs only give explicit ids).
     */
    List<TaskCatalog> catalogs(List<String> names) {
        List<TaskCatalog> catalogs = new ArrayList<>();
        if (!names.isEmpty()) {
            for (String name : names) {
                catalogs.add(instantiate(name));
            }
            return catalogs;
        }
        ServiceLoader.load(TaskCatalog.class, loader).forEach(catalogs::add);
        return catalogs;
    }

    private TaskCatalog instantiate(String name) {
        try {
            Class<?> type = Class.forName(name, true, loader);
            if (!TaskCatalog.class.isAssignableFrom(type)) {
                throw new ConfigurationException(
                        name + " does not implement " + TaskCatalog.class.getName());
            }
            return (TaskCatalog) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException(
                    "--catalog class " + name + " is not on the classpath");
        } catch (ReflectiveOperationException e) {
            throw new ConfigurationException(
                    "--catalog class " + name + " needs a public no-argument constructor: " + e, e);
        }
    }
}
