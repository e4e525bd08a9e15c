package dev.warren;

/**
 * Explicit Kryo ids for some classes, in one place that producers and workers share. Optional:
 * every class has an id derived from its name; an explicit id wins over it (to keep an id across a
 * rename, or to settle a collision of derived ids). {@code warren-worker} applies the catalogs on
 * its {@code --classpath} listed for {@link java.util.ServiceLoader} (a line in {@code
 * META-INF/services/dev.warren.TaskCatalog}) or named with {@code --catalog}.
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
