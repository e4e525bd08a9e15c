package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdlePoolTest {
    private final Set<String> closed = new HashSet<>();
    private final IdlePool<String> pool = new IdlePool<>(2, name -> !closed.contains(name));

    @Test
    void theMostRecentlyReturnedResourceIsReusedFirst() {
        pool.giveBack("a");
        pool.giveBack("b");

        assertThat(pool.take()).isEqualTo("b");
        assertThat(pool.take()).isEqualTo("a");
        assertThat(pool.take()).isNull();
    }

    @Test
    void beyondItsCapacityTheCallerMustDisposeOfTheResource() {
        assertThat(pool.giveBack("a")).isTrue();
        assertThat(pool.giveBack("b")).isTrue();

        assertThat(pool.giveBack("c")).isFalse();
    }

    @Test
    void aResourceThatIsNoLongerUsableIsNeitherKeptNorHandedOut() {
        closed.add("dead");
        assertThat(pool.giveBack("dead")).isFalse();

        pool.giveBack("a");
        pool.giveBack("b");
        closed.add("b");

        assertThat(pool.take()).isEqualTo("a");
        assertThat(pool.take()).isNull();
    }
}
