package dev.warren.internal.ship.crafted;

import dev.warren.Task;
import dev.warren.TaskContext;
import java.util.function.Function;
import java.util.function.Supplier;

/** Reaches one class only through a method reference and one only inside a lambda's body. */
public record LambdaTask(int n) implements Task<Integer> {
    @Override
    public Integer run(TaskContext context) {
        Supplier<Object> made = ReferencedByMethodHandle::new;
        Function<Integer, Integer> twice = x -> CalledInLambdaBody.twice(x);
        return twice.apply(n) + (made.get() == null ? 0 : 1);
    }
}
