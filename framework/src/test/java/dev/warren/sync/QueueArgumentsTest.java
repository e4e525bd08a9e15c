package dev.warren.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueArgumentsTest {
    private static List<Map<String, Object>> everyShape(QueueArguments arguments) {
        return List.of(
                arguments.plain(), arguments.singleActiveConsumer(), arguments.latestMessageOnly());
    }

    @Test
    void queuesAreQuorumOnlyWhenTheConfigurationAsks() {
        everyShape(new QueueArguments(true))
                .forEach(args -> assertThat(args).containsEntry("x-queue-type", "quorum"));
        everyShape(new QueueArguments(false))
                .forEach(args -> assertThat(args).containsEntry("x-queue-type", "classic"));
    }

    @Test
    void noQueueEverHasADeliveryLimitThatWouldDropTokens() {
        for (boolean quorum : new boolean[] {true, false}) {
            everyShape(new QueueArguments(quorum))
                    .forEach(args -> assertThat(args).doesNotContainKey("x-delivery-limit"));
        }
    }

    @Test
    void onlyLockAndRequestQueuesServeOneConsumerAtATime() {
        QueueArguments arguments = new QueueArguments(false);

        assertThat(arguments.singleActiveConsumer())
                .containsEntry("x-single-active-consumer", true);
        assertThat(arguments.plain()).doesNotContainKey("x-single-active-consumer");
        assertThat(arguments.latestMessageOnly()).doesNotContainKey("x-single-active-consumer");
    }

    @Test
    void stateQueuesKeepOnlyTheLatestMessage() {
        QueueArguments arguments = new QueueArguments(true);

        assertThat(arguments.latestMessageOnly()).containsEntry("x-max-length", 1);
        assertThat(arguments.plain()).doesNotContainKey("x-max-length");
        assertThat(arguments.singleActiveConsumer()).doesNotContainKey("x-max-length");
    }
}
