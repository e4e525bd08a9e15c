package dev.warren.it.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the 3-node cluster of {@code scripts/local-cluster}, started once
 * per JVM by {@link LocalCluster#get()}. Skipped, with the reason shown, where RabbitMQ's server is
 * not installed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("cluster")
@ExtendWith(ClusterCondition.class)
public @interface ClusterTest {}
