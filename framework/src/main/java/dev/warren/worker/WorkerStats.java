package dev.warren.worker;

/**
 * Counters of one worker since it started.
 *
 * <pre>{@code
 * WorkerStats s = worker.stats();
 * log.info("{} done, {} failed, {} running", s.succeeded(), s.failed(), s.inFlight());
 * }</pre>
 *
 * @param succeeded tasks that returned a result
 * @param failed tasks that failed for good (last attempt or not retryable)
 * @param retried failed attempts sent to a retry delay queue
 * @param rejected messages refused unopened or unrun (bad signature, replay, ...)
 * @param inFlight tasks running now
 */
public record WorkerStats(long succeeded, long failed, long retried, long rejected, int inFlight) {}
