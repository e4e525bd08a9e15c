package com.example.checksums;

import static dev.warren.testing.assertions.WarrenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import dev.warren.SigningKeys;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.WarrenConfig;
import dev.warren.client.SubmitOptions;
import dev.warren.client.TaskClient;
import dev.warren.client.TaskHandle;
import dev.warren.client.TaskRefusedException;
import dev.warren.client.TaskTimeoutException;
import dev.warren.testing.TestWorkers;
import dev.warren.testing.WarrenTest;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What a caller learns, within two seconds, when its task cannot run: each case on a queue of its
 * own ({@link SubmitOptions#onQueue}), so the workers of one case never see another's tasks.
 */
@WarrenTest
class WhatTheCallerSeesIT {
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    TaskClient client;
    TestWorkers workers;
    WarrenConfig config;

    record CarriesALambda(Supplier<String> lambda) implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            return lambda.get();
        }
    }

    record ReturnsALambda(String text) implements Task<Supplier<String>> {
        @Override
        public Supplier<String> run(TaskContext ctx) {
            return () -> text;
        }
    }

    @Test
    void aWorkerWithAnotherKeyRefusesAndTheCallerIsToldWhy() {
        workers.startWith(
                config.toBuilder()
                        .signingKeys(SigningKeys.parse(SigningKeys.generate("other"), "other"))
                        .build(),
                "checksums-other-key");

        TaskHandle<String> handle =
                client.submit(
                        new Explode("never runs"), SubmitOptions.onQueue("checksums-other-key"));

        assertThat(handle)
                .failsWith(TaskRefusedException.class, TWO_SECONDS)
                .satisfies(
                        e ->
                                assertThat(((TaskRefusedException) e).reason())
                                        .isEqualTo(TaskRefusedException.Reason.UNKNOWN_KEY));
    }

    @Test
    void aWorkerFromAStaleJarRefusesATaskClassItDoesNotKnow() {
        WarrenConfig stale =
                WarrenConfig.custom()
                        .brokerUri(config.brokerUri())
                        .signingKeys(config.signingKeys())
                        .tasks(Checksum.class, Slow.class)
                        .build();
        workers.startWith(stale, "checksums-stale");

        TaskHandle<String> handle =
                client.submit(new Explode("new task"), SubmitOptions.onQueue("checksums-stale"));

        assertThat(handle)
                .failsWith(TaskRefusedException.class, TWO_SECONDS)
                .satisfies(
                        e ->
                                assertThat(((TaskRefusedException) e).reason())
                                        .isIn(
                                                TaskRefusedException.Reason.UNREGISTERED_CLASS,
                                                TaskRefusedException.Reason.UNDECODABLE));
    }

    @Test
    void aQueueNobodyConsumesIsNamedWhenTheWaitEnds() {
        TaskHandle<Long> handle =
                client.submit(new Slow(1), SubmitOptions.onQueue("checksums-nobody"));

        assertThatThrownBy(() -> handle.await(TWO_SECONDS))
                .isInstanceOf(TaskTimeoutException.class)
                .hasMessageContaining("no worker consumes")
                .hasMessageContaining("checksums-nobody");
    }

    @Test
    void aLambdaAndAResultThatCannotTravelAreRefusedBeforeAnythingIsSent() {
        int inFlight = client.inFlight();
        assertThatThrownBy(() -> client.submit(new CarriesALambda(() -> "x")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CarriesALambda cannot travel");
        assertThatThrownBy(() -> client.submit(new ReturnsALambda("x")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ReturnsALambda");
        assertThat(client.inFlight()).isEqualTo(inFlight);
    }
}
