package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task path's queues: all quorum with quorum on, declared as before with it off. */
class QueueShapesTest {
    private static List<Map<String, Object>> everyQueue(QueueShapes shapes) {
        return List.of(
                shapes.work("warren.q.dead"),
                shapes.deadLetters(),
                shapes.delay("warren.q", Duration.ofSeconds(5)),
                shapes.reply());
    }

    @Test
    void withQuorumOnEveryQueueOfTheTaskPathIsQuorum() {
        everyQueue(new QueueShapes(true, 10, Duration.ofMinutes(30)))
                .forEach(args -> assertThat(args).containsEntry("x-queue-type", "quorum"));
    }

    @Test
    void withQuorumOffNoQueueIsQuorumAndDelayAndReplyQueuesKeepTheirOldArguments() {
        QueueShapes shapes = new QueueShapes(false, 10, Duration.ofMinutes(30));

        everyQueue(shapes).forEach(args -> assertThat(args).doesNotContainValue("quorum"));
        assertThat(shapes.reply()).isEqualTo(Map.of("x-expires", 1_800_000L));
        assertThat(shapes.delay("warren.q", Duration.ofSeconds(5)))
                .doesNotContainKey("x-queue-type");
    }

    @Test
    void onlyTheWorkQueueHasADeliveryLimit() {
        QueueShapes shapes = new QueueShapes(true, 7, Duration.ofMinutes(30));

        assertThat(shapes.work("warren.q.dead")).containsEntry("x-delivery-limit", 7);
        assertThat(
                        List.of(
                                shapes.deadLetters(),
                                shapes.delay("warren.q", Duration.ofSeconds(1)),
                                shapes.reply()))
                .allSatisfy(args -> assertThat(args).doesNotContainKey("x-delivery-limit"));
    }

    @Test
    void quorumQueuesThatDeadLetterDoItAtLeastOnce() {
        QueueShapes shapes = new QueueShapes(true, 10, Duration.ofMinutes(30));

        for (Map<String, Object> args :
                List.of(
                        shapes.work("warren.q.dead"),
                        shapes.delay("warren.q", Duration.ofSeconds(1)))) {
            assertThat(args)
                    .containsEntry("x-dead-letter-strategy", "at-least-once")
                    .containsEntry("x-overflow", "reject-publish");
        }
        assertThat(shapes.delay("warren.q", Duration.ofSeconds(1)))
                .containsEntry("x-dead-letter-routing-key", "warren.q")
                .containsEntry("x-message-ttl", 1000L);
    }

    @Test
    void aQuorumReplyQueueServesOneConsumerAtATime() {
        assertThat(new QueueShapes(true, 10, Duration.ofMinutes(30)).reply())
                .containsEntry("x-single-active-consumer", true)
                .containsEntry("x-expires", 1_800_000L);
    }
}
