/**
 * Coordination between processes on any host, with RabbitMQ as the only server: the primitives of
 * Python's {@code multiprocessing.Manager}.
 *
 * <p>API; everything in it that is not public is how the primitives are built on the broker and may
 * change. Entry points:
 *
 * <ul>
 *   <li>{@link dev.warren.sync.Coordinator}: the process's own connection for coordination (short
 *       heartbeat; replaced by a new one after a loss, which loses every lease and permit held
 *       then); every primitive is made from one, and closing it releases everything taken through
 *       it.
 *   <li>{@link dev.warren.sync.DistributedLock}: mutual exclusion in arrival order, granting a
 *       {@link dev.warren.sync.Lease} with a fencing token.
 *   <li>{@link dev.warren.sync.DistributedSemaphore}: at most N holders, each with a {@link
 *       dev.warren.sync.Permit}.
 *   <li>{@link dev.warren.sync.DistributedEvent}: a flag to set, clear and wait for.
 *   <li>{@link dev.warren.sync.EventChannel}: signed, typed publish/subscribe; each subscription is
 *       an {@link dev.warren.sync.EventChannel.Subscription}.
 *   <li>{@link dev.warren.sync.SharedMap}: a map updated atomically through an owner the broker
 *       elects, read with {@link dev.warren.sync.Versioned} values for compare-and-set.
 *   <li>{@link dev.warren.sync.DistributedQueue}: a typed, signed joinable queue, optionally
 *       bounded ({@link dev.warren.sync.QueueOptions}), made with {@code coordinator.queue(...)}.
 *   <li>{@link dev.warren.sync.CoordinatorOptions}: the heartbeat and the broker's {@code
 *       consumer_timeout}, before which held leases are renewed and beyond which permits cannot be
 *       held.
 *   <li>{@link dev.warren.sync.LockOptions}: a plain or a reentrant (thread-owned) lock.
 *   <li>{@link dev.warren.sync.DistributedBarrier}: a cyclic barrier for N parties; a generation
 *       that breaks (a timeout, a party gone, a reset) throws {@link
 *       dev.warren.sync.BrokenBarrierException} at every party waiting in it.
 * </ul>
 *
 * <p>Failures are {@link dev.warren.sync.CoordinationException}s naming the primitive; running out
 * of time while acquiring is an {@link dev.warren.sync.AcquireTimeoutException}.
 *
 * <p>What this package owns on the broker: every queue and exchange whose name starts with {@code
 * warren.sync.}, the Kryo ids 80-86 for the shared map's wire records, and 89-90 for the barrier's.
 */
package dev.warren.sync;
