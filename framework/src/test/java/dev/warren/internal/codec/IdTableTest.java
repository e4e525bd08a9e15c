package dev.warren.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdTableTest {
    record First(int n) {}

    record Second(int n) {}

    record Third(int n) {}

    @Test
    void classesTakeTheirDerivedIdUnlessAnExplicitOneWasGiven() {
        IdTable table = new IdTable(Map.of(Second.class, 4242), TypeIds::derived);

        table.add(List.of(First.class, Second.class, First.class));

        assertThat(table.entries())
                .containsExactly(
                        new IdTable.Entry(First.class, TypeIds.derived(First.class.getName())),
                        new IdTable.Entry(Second.class, 4242));
    }

    @Test
    void twoClassesWhoseDerivedIdsCollideAreRefusedNamingBothAndTheFix() {
        IdTable table = new IdTable(Map.of(), name -> 2_000_000);
        table.add(List.of(First.class));

        assertThatThrownBy(() -> table.add(List.of(Third.class, Second.class)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(First.class.getName())
                .hasMessageContaining(Third.class.getName())
                .hasMessageContaining("WarrenConfig.Builder.register(type, id)");
        assertThat(table.entries()).extracting(IdTable.Entry::type).containsExactly(First.class);
        assertThat(table.contains(Third.class)).isFalse();
    }

    @Test
    void aCollisionWithinOneBatchIsRefusedAndAddsNothing() {
        IdTable table = new IdTable(Map.of(), name -> 2_000_000);

        assertThatThrownBy(() -> table.add(List.of(First.class, Second.class)))
                .hasMessageContaining(First.class.getName())
                .hasMessageContaining(Second.class.getName());
        assertThat(table.entries()).isEmpty();
    }

    @Test
    void anExplicitIdResolvesACollisionOfDerivedIds() {
        IdTable table = new IdTable(Map.of(Second.class, 100), name -> 2_000_000);

        table.add(List.of(First.class, Second.class));

        assertThat(table.entries()).extracting(IdTable.Entry::id).containsExactly(2_000_000, 100);
    }
}
