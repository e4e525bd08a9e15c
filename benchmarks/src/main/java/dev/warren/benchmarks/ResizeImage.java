package dev.warren.benchmarks;

import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;

/**
 * A typical small task, about 200 bytes on the wire: a few ids, a path, sizes and a time. Used by
 * the JMH benchmarks of the message sealer; never run.
 *
 * <pre>{@code
 * ResizeImage task = ResizeImage.sample();
 * }</pre>
 */
@TaskOptions(queue = "bench-resize")
public record ResizeImage(
        String imageId,
        String tenant,
        String sourcePath,
        String targetPath,
        int width,
        int height,
        int quality,
        long requestedAtMillis,
        String callbackUrl)
        implements Task<Integer> {

    /** A representative instance whose Kryo encoding is about 200 bytes. */
    public static ResizeImage sample() {
        return new ResizeImage(
                "img-7f3c2a91-5b0e-4d7a-9c61-2f8e4b1d0a55",
                "tenant-acme-europe",
                "s3://acme-images/uploads/2024/06/01/7f3c2a91.jpeg",
                "s3://acme-thumbnails/2024/06/01/7f3c2a91-256.webp",
                256,
                256,
                82,
                1_717_200_000_000L,
                "https://hooks.acme.example/thumbnails/done");
    }

    @Override
    public Integer run(TaskContext context) {
        return width * height;
    }
}
