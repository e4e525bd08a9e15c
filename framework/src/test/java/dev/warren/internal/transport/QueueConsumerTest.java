package dev.warren.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.ShutdownSignalException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How a consumer subscribes and survives its handler, against a channel that records calls. */
class QueueConsumerTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private Consumer subscribed;

    private final Channel channel =
            (Channel)
                    Proxy.newProxyInstance(
                            Channel.class.getClassLoader(),
                            new Class<?>[] {Channel.class},
                            (proxy, method, args) -> onChannel(method, args));

    private final Connection connection =
            (Connection)
                    Proxy.newProxyInstance(
                            Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class},
                            (proxy, method, args) ->
                                    switch (method.getName()) {
                                        case "createChannel" -> channel;
                                        case "isOpen" -> true;
                                        default -> defaultOf(method);
                                    });

    private Object onChannel(Method method, Object[] args) {
        switch (method.getName()) {
            case "basicConsume" -> {
                calls.add("basicConsume exclusive=" + args[4]);
                subscribed = (Consumer) args[args.length - 1];
                return "tag-1";
            }
            case "basicReject" -> calls.add("basicReject requeue=" + args[1]);
            case "isOpen" -> {
                return true;
            }
            case "hashCode" -> {
                return System.identityHashCode(channel);
            }
            case "equals" -> {
                return args[0] == channel;
            }
            default -> {}
        }
        return defaultOf(method);
    }

    private static Object defaultOf(Method method) {
        Class<?> type = method.getReturnType();
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 0 : (Object) 0L;
        }
        return null;
    }

    private void deliver() throws Exception {
        subscribed.handleDelivery(
                "tag-1",
                new com.rabbitmq.client.Envelope(7, false, "", "q"),
                new AMQP.BasicProperties.Builder().messageId("m1").build(),
                new byte[0]);
    }

    @Test
    void aReplyConsumerIsExclusiveAndAnOrdinaryOneIsNot() throws Exception {
        QueueConsumer.start(connection, "q", 4, delivery -> {}, true, true);
        QueueConsumer.start(connection, "q", 4, delivery -> {});

        assertThat(calls)
                .containsExactly("basicConsume exclusive=true", "basicConsume exclusive=false");
    }

    @Test
    void anErrorInTheHandlerGivesTheMessageBackAndTheConsumerGoesOn() throws Exception {
        int[] handled = new int[1];
        QueueConsumer.start(
                connection,
                "q",
                4,
                delivery -> {
                    handled[0]++;
                    throw new StackOverflowError();
                });

        deliver();
        deliver();

        assertThat(handled[0]).isEqualTo(2);
        assertThat(calls)
                .containsExactly(
                        "basicConsume exclusive=false",
                        "basicReject requeue=true",
                        "basicReject requeue=true");
    }

    @Test
    void aReplyConsumerWhoseChannelTheBrokerClosedConsumesAgainExclusively() throws Exception {
        QueueConsumer consumer =
                QueueConsumer.start(connection, "q", 4, delivery -> {}, true, true);

        subscribed.handleShutdownSignal(
                "tag-1", new ShutdownSignalException(false, false, null, channel));

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 2);
        assertThat(calls)
                .containsExactly("basicConsume exclusive=true", "basicConsume exclusive=true");
        consumer.cancel();
    }
}
