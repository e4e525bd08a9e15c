/** Tests on a 3-node RabbitMQ cluster started from {@code scripts/local-cluster}. */
package dev.warren.it.cluster;
