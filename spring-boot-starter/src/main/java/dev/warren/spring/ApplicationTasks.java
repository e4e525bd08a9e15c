package dev.warren.spring;

import dev.warren.Task;
import dev.warren.TaskOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The application's task classes: the records annotated with {@code @TaskOptions} in the packages
 * of the {@code @SpringBootApplication} (Spring's own scan, which also reads an executable jar's
 * nested classes, where a scan of {@code java.class.path} sees only the outer jar).
 */
final class ApplicationTasks {
    private ApplicationTasks() {}

    static List<Class<?>> find(BeanFactory beans, ClassLoader classLoader) {
        if (!AutoConfigurationPackages.has(beans)) {
            return List.of();
        }
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(TaskOptions.class));
        Set<String> names = new LinkedHashSet<>();
        for (String base : AutoConfigurationPackages.get(beans)) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(base)) {
                names.add(candidate.getBeanClassName());
            }
        }
        List<Class<?>> tasks = new ArrayList<>();
        for (String name : names) {
            Class<?> type = ClassUtils.resolveClassName(name, classLoader);
            if (type.isRecord() && Task.class.isAssignableFrom(type)) {
                tasks.add(type);
            }
        }
        return tasks;
    }
}
