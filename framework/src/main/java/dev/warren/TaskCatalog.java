package dev.warren;

/**
 * The classes an application sends through Warren, with their Kryo ids, in one place that producers
 * and workers share. {@code warren-worker} finds catalogs on its {@code --classpath} through {@link
 * java.util.ServiceLoader} (a line in {@code META-INF/services/dev.warren.TaskCatalog}), so the
 * worker registers exactly what the producer does.
 *
 * <pre>{@code
 * public final class PrimesCatalog implements TaskCatalog {
 *     public void register(Registry registry) {
 *         registry.register(SumPrimes.class, 100);
 *     }
 * }
 * WarrenConfig config = WarrenConfig.custom().catalog(new PrimesCatalog())...build();
 * }</pre>
 */
@FunctionalInterface
public interface TaskCatalog {
    void register(Registry registry);

    /**
     * Where a catalog registers its classes; ids start at {@value WarrenConfig#FIRST_USER_TYPE_ID}.
     */
    interface Registry {
        Registry register(Class<?> type, int id);
    }
}
