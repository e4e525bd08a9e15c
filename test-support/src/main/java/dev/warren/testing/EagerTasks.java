package dev.warren.testing;

import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.TaskCatalog;
import dev.warren.WarrenConfig;
import dev.warren.client.EagerClient;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Tasks run in the test's own process with no broker ({@link EagerClient}, Celery's eager mode),
 * with the app's catalogs and throwaway keys: for plain unit tests of task code. The task and its
 * result still go through Warren's encoding, so one that could not travel fails here too.
 *
 * <pre>{@code
 * @Test
 * void checksums() {
 *     assertEquals(expected, EagerTasks.run(new Checksum(bytes)));
 * }
 *
 * try (EagerClient eager = EagerTasks.client(new ChecksumCatalog())) {
 *     assertThat(eager.submit(new Broken())).failsWith(IOException.class);
 * }
 * }</pre>
 */
public final class EagerTasks {
    private EagerTasks() {}

    /** Runs one task with every {@code TaskCatalog} the ServiceLoader finds. */
    public static <R> R run(Task<R> task) {
        try (EagerClient eager = client()) {
            return eager.run(task);
        }
    }

    /** A client with every {@code TaskCatalog} the ServiceLoader finds; close it. */
    public static EagerClient client() {
        return client(
                ServiceLoader.load(TaskCatalog.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .toArray(TaskCatalog[]::new));
    }

    /** A client with these catalogs; close it. */
    public static EagerClient client(TaskCatalog... catalogs) {
        WarrenConfig.Builder config =
                WarrenConfig.custom()
                        .signingKeys(
                                SigningKeys.parse(SigningKeys.generate("eager"), "eager keys"));
        List.of(catalogs).forEach(config::catalog);
        return EagerClient.of(config.build());
    }
}
