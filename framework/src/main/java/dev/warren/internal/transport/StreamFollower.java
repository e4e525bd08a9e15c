package dev.warren.internal.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import dev.warren.internal.wire.Envelope;
import java.io.IOException;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a RabbitMQ stream from a point in time and follows what is appended to it. Stream messages
 * stay in the stream whatever the reader does; acknowledgements only give the broker credit to send
 * more. Automatic recovery consumes again from the same point, so a reader may see an entry twice
 * and must not mind.
 */
final class StreamFollower implements Subscription {
    private static final Logger log = LoggerFactory.getLogger(StreamFollower.class);
    private static final int CREDIT = 500;

    private final Channel channel;
    private final String stream;
    private volatile String tag;

    private StreamFollower(Channel channel, String stream) {
        this.channel = channel;
        this.stream = stream;
    }

    static StreamFollower start(
            Connection connection, String stream, long fromMillis, Consumer<Envelope> reader)
            throws IOException {
        Channel channel = connection.createChannel();
        channel.basicQos(CREDIT);
        StreamFollower follower = new StreamFollower(channel, stream);
        follower.tag =
                channel.basicConsume(
                        stream,
                        false,
                        Map.of("x-stream-offset", new Date(fromMillis)),
                        follower.new Reader(reader));
        return follower;
    }

    @Override
    public void cancel() {
        try {
            if (channel.isOpen()) {
                channel.basicCancel(tag);
            }
        } catch (IOException | AlreadyClosedException e) {
            log.debug("cancelling the reader of {}: {}", stream, e.toString());
        }
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | AlreadyClosedException e) {
            log.debug("closing the reader of {}: {}", stream, e.toString());
        }
    }

    private final class Reader extends DefaultConsumer {
        private final Consumer<Envelope> reader;
        private int unacknowledged;

        Reader(Consumer<Envelope> reader) {
            super(channel);
            this.reader = reader;
        }

        @Override
        public void handleDelivery(
                String consumerTag,
                com.rabbitmq.client.Envelope amqp,
                AMQP.BasicProperties properties,
                byte[] body)
                throws IOException {
            try {
                reader.accept(AmqpMessages.envelope(properties, body));
            } catch (RuntimeException | Error e) {
                log.error("reader of {} failed on an entry; it goes on", stream, e);
            }
            if (++unacknowledged >= CREDIT / 4) {
                getChannel().basicAck(amqp.getDeliveryTag(), true);
                unacknowledged = 0;
            }
        }
    }
}
