package dev.warren.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import dev.warren.Task;
import dev.warren.TaskContext;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TypeClosureTest {
    /** What the codec has built in, for these tests: the JDK value types used below. */
    private static final Predicate<Class<?>> BUILT_IN =
            Set.of(String.class, Integer.class, Long.class, Instant.class, Optional.class)
                    ::contains;

    enum Colour {
        RED,
        GREEN
    }

    record Point(int x, int y) {}

    record Label(String text, Colour colour) {}

    sealed interface Shape permits Circle, Square {}

    record Circle(Point centre, int radius) implements Shape {}

    record Square(Point corner, int side) implements Shape {}

    record Tree(String name, List<Tree> children) {}

    record Box<T>(T value) {}

    record Page(Map<String, List<Label>> byName, Optional<Instant> seen) {}

    record Draw(List<Shape> shapes, Point[] marks, Box<Label> boxed) implements Task<Page> {
        public Page run(TaskContext context) {
            return null;
        }
    }

    record Grow(Tree tree) implements Task<Tree> {
        public Tree run(TaskContext context) {
            return tree;
        }
    }

    interface Listener {}

    static final class Plain {}

    record HoldsStream(InputStream source) implements Task<String> {
        public String run(TaskContext context) {
            return "";
        }
    }

    record ReturnsThread(String name) implements Task<Thread> {
        public Thread run(TaskContext context) {
            return null;
        }
    }

    record HoldsListener(List<Listener> listeners) implements Task<Void> {
        public Void run(TaskContext context) {
            return null;
        }
    }

    record HoldsPlain(Plain plain) implements Task<Void> {
        public Void run(TaskContext context) {
            return null;
        }
    }

    record HoldsAnything(List<Object> values) implements Task<Object> {
        public Object run(TaskContext context) {
            return null;
        }
    }

    @Test
    void recordsEnumsArraysTypeArgumentsAndSealedSubclassesAreReachedFromComponentsAndResult() {
        Set<Class<?>> closure = TypeClosure.ofTask(Draw.class, BUILT_IN);

        assertThat(closure)
                .containsExactlyInAnyOrder(
                        Draw.class,
                        Circle.class,
                        Square.class,
                        Point.class,
                        Point[].class,
                        Box.class,
                        Label.class,
                        Colour.class,
                        Page.class);
    }

    @Test
    void aRecursiveRecordEndsTheWalkInsteadOfLooping() {
        assertThat(TypeClosure.ofTask(Grow.class, BUILT_IN))
                .containsExactlyInAnyOrder(Grow.class, Tree.class);
    }

    @Test
    void builtInTypesAreNotListedForRegistration() {
        assertThat(TypeClosure.ofTask(Draw.class, BUILT_IN))
                .doesNotContain(String.class, Instant.class, Optional.class);
    }

    @Test
    void aComponentThatIsAStreamIsRefusedNamingTaskComponentAndFix() {
        assertThatThrownBy(() -> TypeClosure.ofTask(HoldsStream.class, BUILT_IN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(HoldsStream.class.getName())
                .hasMessageContaining("component 'source'")
                .hasMessageContaining("java.io.InputStream")
                .hasMessageContaining("Make it a record");
    }

    @Test
    void aResultTypeThatIsAThreadIsRefused() {
        assertThatThrownBy(() -> TypeClosure.ofTask(ReturnsThread.class, BUILT_IN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("its result type")
                .hasMessageContaining("java.lang.Thread");
    }

    @Test
    void anInterfaceThatIsNotSealedIsRefusedSayingToSealIt() {
        assertThatThrownBy(() -> TypeClosure.ofTask(HoldsListener.class, BUILT_IN))
                .hasMessageContaining(Listener.class.getName())
                .hasMessageContaining("component 'listeners'")
                .hasMessageContaining("seal it");
    }

    @Test
    void aPlainClassIsRefused() {
        assertThatThrownBy(() -> TypeClosure.ofTask(HoldsPlain.class, BUILT_IN))
                .hasMessageContaining(Plain.class.getName())
                .hasMessageContaining("neither a record, an enum");
    }

    @Test
    void objectIsLeftOpenSoItsValuesAreCheckedWhenEncoded() {
        assertThat(TypeClosure.ofTask(HoldsAnything.class, BUILT_IN))
                .containsExactly(HoldsAnything.class);
    }

    @Test
    void aLambdaIsRefusedSayingToWriteARecord() {
        Task<String> lambda = context -> "hi";

        assertThatThrownBy(() -> TypeClosure.ofTask(lambda.getClass(), BUILT_IN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "is a lambda/anonymous class: write a record implementing Task");
    }

    @Test
    void anAnonymousClassIsRefusedLikeALambda() {
        Task<String> anonymous =
                new Task<>() {
                    public String run(TaskContext context) {
                        return "hi";
                    }
                };

        assertThatThrownBy(() -> TypeClosure.ofTask(anonymous.getClass(), BUILT_IN))
                .hasMessageContaining("is a lambda/anonymous class");
    }

    @Test
    void aLocalRecordIsRefusedSayingWhereToDeclareIt() {
        record Local(int n) implements Task<Integer> {
            public Integer run(TaskContext context) {
                return n;
            }
        }

        assertThatThrownBy(() -> TypeClosure.ofTask(Local.class, BUILT_IN))
                .hasMessageContaining("is a local class");
    }

    @Test
    void theResultTypeIsFoundThroughASuperInterface() {
        assertThat(TaskShape.resultType(ViaInterface.class)).isEqualTo(Point.class);
    }

    interface Locating extends Task<Point> {}

    record ViaInterface(int n) implements Locating {
        public Point run(TaskContext context) {
            return new Point(n, n);
        }
    }
}
