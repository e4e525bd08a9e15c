package dev.warren.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import dev.warren.internal.transport.AmqpMessages;
import dev.warren.internal.transport.RabbitExceptions;
import dev.warren.internal.wire.Envelope;
import dev.warren.sync.BarrierWire.News;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One waiting party on the broker, set up before it arrives: its own exclusive queue on the
 * barrier's news exchange (so no trip or break is missed), and its presence notice, a signed "gone"
 * news it holds unacked in a queue of its own. That queue has a message TTL of 0 and the news
 * exchange as dead-letter exchange: when the party's connection dies (a killed process at once, a
 * frozen one after about three heartbeats), the broker returns the notice, it expires at once and
 * reaches every waiter. A party that leaves normally acks its notice first.
 */
final class BarrierParty implements AutoCloseable {
    private static final Duration NOTICE_WAIT = Duration.ofSeconds(10);
    private static final int UNUSED_QUEUE_EXPIRES_MILLIS = 600_000;

    /** What the waiting party hears: genuine news, or that its connection was cut. */
    record Heard(News news, String cut) {}

    private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
    private final Coordinator coordinator;
    private final String primitive;
    private final String presenceQueue;
    private Channel newsChannel;
    private Channel presenceChannel;
    private volatile long noticeTag = -1;

    private BarrierParty(Coordinator coordinator, String primitive, String presenceQueue) {
        this.coordinator = coordinator;
        this.primitive = primitive;
        this.presenceQueue = presenceQueue;
    }

    static BarrierParty join(
            Coordinator coordinator,
            BarrierMessages messages,
            String primitive,
            String newsExchange,
            String presenceQueue,
            News notice) {
        BarrierParty party = new BarrierParty(coordinator, primitive, presenceQueue);
        try {
            party.listen(messages, newsExchange, notice.incarnation());
            party.holdNotice(messages, newsExchange, notice);
            return party;
        } catch (IOException | RuntimeException e) {
            party.close();
            throw SyncFailures.translate(primitive, "wait", coordinator.broker(), e);
        }
    }

    private void listen(BarrierMessages messages, String newsExchange, String incarnation)
            throws IOException {
        newsChannel = coordinator.connection().openChannel(primitive, "wait");
        watchForCut(newsChannel);
        String queue = newsChannel.queueDeclare("", false, true, true, null).getQueue();
        newsChannel.queueBind(queue, newsExchange, "");
        newsChannel.basicConsume(
                queue,
                true,
                (tag, delivery) -> {
                    News news =
                            messages.openNews(
                                    AmqpMessages.envelope(
                                            delivery.getProperties(), delivery.getBody()),
                                    incarnation);
                    if (news != null) {
                        heard.add(new Heard(news, null));
                    }
                },
                tag -> {});
    }

    private void holdNotice(BarrierMessages messages, String newsExchange, News notice)
            throws IOException {
        presenceChannel = coordinator.connection().openChannel(primitive, "wait");
        watchForCut(presenceChannel);
        Map<String, Object> args = new HashMap<>();
        args.put("x-queue-type", "classic"); // returned messages expire at once: classic only
        args.put("x-message-ttl", 0);
        args.put("x-dead-letter-exchange", newsExchange);
        args.put("x-expires", UNUSED_QUEUE_EXPIRES_MILLIS);
        // not exclusive: an exclusive queue may be deleted before its notice is returned
        presenceChannel.queueDeclare(presenceQueue, false, false, false, args);
        presenceChannel.basicQos(1);
        Object held = new Object();
        presenceChannel.basicConsume(
                presenceQueue,
                false,
                new DefaultConsumer(presenceChannel) {
                    @Override
                    public void handleDelivery(
                            String tag,
                            com.rabbitmq.client.Envelope envelope,
                            AMQP.BasicProperties properties,
                            byte[] body) {
                        synchronized (held) {
                            noticeTag = envelope.getDeliveryTag();
                            held.notifyAll();
                        }
                    }
                });
        Envelope sealed = messages.news(notice, System.currentTimeMillis());
        presenceChannel.basicPublish(
                "", presenceQueue, AmqpMessages.properties(sealed, false), sealed.body());
        Deadline deadline = Deadline.in(NOTICE_WAIT);
        synchronized (held) {
            while (noticeTag < 0 && !deadline.hasPassed()) {
                try {
                    held.wait(Math.max(1, deadline.nanosLeft() / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CoordinationException(primitive + ": interrupted while waiting");
                }
            }
        }
        if (noticeTag < 0) {
            throw new CoordinationException(
                    primitive
                            + ": its presence notice did not come back from queue "
                            + presenceQueue
                            + " within "
                            + NOTICE_WAIT.toSeconds()
                            + " s");
        }
    }

    private void watchForCut(Channel channel) {
        channel.addShutdownListener(
                sig -> {
                    if (!sig.isInitiatedByApplication()) {
                        heard.add(new Heard(null, RabbitExceptions.describe(sig)));
                    }
                });
    }

    /** The next thing heard within {@code nanos}, or null when the time ran out. */
    Heard next(long nanos) {
        try {
            return heard.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationException(primitive + ": interrupted while waiting");
        }
    }

    /**
     * Leaves: when {@code settled}, acks the notice first (so it is not taken for a death) and
     * removes its queue; otherwise gives it back, and every waiter hears that this party is gone.
     */
    void leave(boolean settled) {
        // an interrupted thread cannot close a channel: leave first, keep the interrupt
        boolean interrupted = Thread.interrupted();
        try {
            if (settled) {
                close();
            } else {
                SyncConnection.closeQuietly(presenceChannel);
                SyncConnection.closeQuietly(newsChannel);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Leaves normally: acks the notice (so it is not taken for a death), removes both queues. */
    @Override
    public void close() {
        Channel presence = presenceChannel;
        if (presence != null && presence.isOpen()) {
            try {
                if (noticeTag >= 0) {
                    presence.basicAck(noticeTag, false);
                }
                presence.queueDelete(presenceQueue);
            } catch (IOException | RuntimeException e) {
                // the queue expires by itself once unused
            }
        }
        SyncConnection.closeQuietly(presence);
        SyncConnection.closeQuietly(newsChannel); // its queue is exclusive: it goes too
    }
}
