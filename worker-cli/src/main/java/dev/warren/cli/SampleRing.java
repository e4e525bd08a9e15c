package dev.warren.cli;

import java.util.ArrayList;
import java.util.List;

/** The latest {@code capacity} samples, oldest first; older ones make room. Not thread-safe. */
final class SampleRing<T> {
    private final Object[] slots;
    private long added;

    SampleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ring holds at least one sample, not " + capacity);
        }
        this.slots = new Object[capacity];
    }

    void add(T sample) {
        slots[(int) (added % slots.length)] = sample;
        added++;
    }

    @SuppressWarnings("unchecked")
    List<T> samples() {
        int kept = (int) Math.min(added, slots.length);
        List<T> samples = new ArrayList<>(kept);
        for (long i = added - kept; i < added; i++) {
            samples.add((T) slots[(int) (i % slots.length)]);
        }
        return samples;
    }

    int capacity() {
        return slots.length;
    }
}
