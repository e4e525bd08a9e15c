package dev.warren;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ships this task class's code with its tasks, whatever the rest of the application does: workers
 * started with {@code --accept-code} run it without the application's jar. This is the switch per
 * task type; {@code WarrenConfig.shipCode(ShipOptions.on())} ships every task class, and {@code
 * ShipOptions.off()} ships none, annotated or not.
 *
 * <pre>{@code
 * @ShipCode(include = CsvParser.class)     // CsvParser is loaded by name, so the walk cannot see it
 * public record ImportFile(String path) implements Task<Integer> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ShipCode {
    /** Also ship these classes and what they reach: the ones the task loads only by name. */
    Class<?>[] include() default {};
}
