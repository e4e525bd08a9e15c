package dev.warren.sync;

/**
 * When a shared map's owner writes a full checkpoint: once the changes since the last one weigh
 * more than it did, or number {@link #MOST_CHANGES}, whichever comes first. So a write costs its
 * change record plus at most about as much again in checkpoint bytes, whatever the map's size, and
 * a new owner replays at most {@link #MOST_CHANGES} records.
 */
final class CheckpointPolicy {
    static final int MOST_CHANGES = 500;

    private long checkpointBytes;
    private long bytesSince;
    private int changesSince;

    /**
     * @param checkpointBytes the size of the checkpoint the log starts from
     * @param bytesSince what the changes after it weigh
     * @param changesSince how many there are
     */
    CheckpointPolicy(long checkpointBytes, long bytesSince, int changesSince) {
        this.checkpointBytes = checkpointBytes;
        this.bytesSince = bytesSince;
        this.changesSince = changesSince;
    }

    void recorded(long changeBytes) {
        bytesSince += changeBytes;
        changesSince++;
    }

    boolean due() {
        return bytesSince > checkpointBytes || changesSince >= MOST_CHANGES;
    }

    void checkpointed(long bytes) {
        checkpointBytes = bytes;
        bytesSince = 0;
        changesSince = 0;
    }
}
