package dev.warren.spring;

import dev.warren.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells, at a failed start, which Warren setting is wrong in Warren's own sentence instead of a
 * stack of bean creation errors.
 *
 * <pre>{@code
 * Description:
 * warren.worker.concurrency: concurrency must be at least 1, was 0
 * }</pre>
 */
final class WarrenConfigurationFailureAnalyzer
        extends AbstractFailureAnalyzer<ConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        String action =
                cause instanceof WarrenPropertyException property
                        ? "Fix "
                                + property.property()
                                + " in the application's properties or environment (see"
                                + " docs/spring-boot.md)."
                        : "Fix the Warren configuration named above.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
