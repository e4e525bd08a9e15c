package dev.warren.cli;

import dev.warren.ConfigurationException;
import dev.warren.TaskCatalog;
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
 * The application's jars and class directories given with {@code --classpath}, and the {@link
 * TaskCatalog}s found in them.
 */
final class TaskClasspath {
    private final ClassLoader loader;

    private TaskClasspath(ClassLoader loader) {
        this.loader = loader;
    }

    static TaskClasspath of(List<String> entries) {
        List<URL> urls = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(File.pathSeparator)) {
                if (part.isBlank()) {
                    continue;
                }
                Path path = Path.of(part);
                if (!Files.exists(path)) {
                    throw new ConfigurationException("--classpath entry does not exist: " + path);
                }
                try {
                    urls.add(path.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new ConfigurationException("--classpath entry is not usable: " + path);
                }
            }
        }
        ClassLoader parent = TaskClasspath.class.getClassLoader();
        return new TaskClasspath(
                urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent));
    }

    ClassLoader loader() {
        return loader;
    }

    /**
     * The catalogs named with {@code --catalog}, or else every catalog registered with {@link
     * ServiceLoader} on the classpath.
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
        if (catalogs.isEmpty()) {
            throw new ConfigurationException(
                    "no TaskCatalog found: put the application's jar on --classpath with a"
                            + " META-INF/services/dev.warren.TaskCatalog entry, or name the catalog"
                            + " class with --catalog");
        }
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
