package dev.warren.internal.transport;

import com.rabbitmq.client.impl.recovery.RetryHandler;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic;

/**
 * How automatic recovery treats a queue the broker does not serve yet. Right after a broker starts,
 * a stream (the log of taken tasks, the recent heartbeats) or a quorum queue can answer {@code
 * NOT_FOUND} ("home node ... is down or inaccessible") for a few seconds; without retries the
 * client library gives up on re-declaring it and on its consumer, and the worker never reads that
 * stream again. This retries those steps for about half a minute.
 */
final class RecoveryRetries {
    static final int ATTEMPTS = 40;

    // the library offers this retry logic as a shared builder; it is configured once, here
    static final RetryHandler ON_QUEUE_NOT_FOUND =
            TopologyRecoveryRetryLogic.RETRY_ON_QUEUE_NOT_FOUND_RETRY_HANDLER
                    .retryAttempts(ATTEMPTS)
                    .backoffPolicy(attempt -> Thread.sleep(Math.min(1000L, 100L * attempt)))
                    .build();

    private RecoveryRetries() {}
}
