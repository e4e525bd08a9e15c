package dev.warren.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.ConfigurationException;
import dev.warren.Task;
import dev.warren.TaskContext;
import dev.warren.TaskOptions;
import dev.warren.internal.transport.BrokerNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueChecksTest {
    @TaskOptions(queue = "images")
    record MakeThumbnail(String path) implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            return path;
        }
    }

    @TaskOptions(queue = "mail")
    record SendMail(String to) implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            return to;
        }
    }

    @TaskOptions(queue = "reports")
    record BuildReport(String name) implements Task<String> {
        @Override
        public String run(TaskContext ctx) {
            return name;
        }
    }

    private static final List<Class<?>> KNOWN = List.of(MakeThumbnail.class, SendMail.class);

    @Test
    void queuesEveryKnownTaskUsesGiveNoWarning() {
        QueueChecks.Plan plan =
                QueueChecks.plan(List.of("images", "mail"), KNOWN, BrokerNames.DEFAULT);
        assertThat(plan.queues()).containsExactly("images", "mail");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void theBrokerPrefixIsDroppedWithOneSentence() {
        QueueChecks.Plan plan =
                QueueChecks.plan(List.of("warren.images", "mail"), KNOWN, BrokerNames.DEFAULT);
        assertThat(plan.queues()).containsExactly("images", "mail");
        assertThat(plan.warnings())
                .singleElement()
                .asString()
                .contains("'warren.images' is given with the broker's prefix")
                .contains("consumes 'images' (broker queue warren.images)");
    }

    @Test
    void aPrefixNamingAnotherNamespaceIsDroppedAndTheMismatchSaid() {
        QueueChecks.Plan plan =
                QueueChecks.plan(
                        List.of("warren@other.images", "mail"), KNOWN, BrokerNames.of("acme"));
        assertThat(plan.queues()).containsExactly("images", "mail");
        assertThat(plan.warnings())
                .singleElement()
                .asString()
                .contains("broker queue warren@acme.images")
                .contains("names namespace 'other' but this worker is in namespace 'acme'");
    }

    @Test
    void aQueueNoKnownTaskUsesIsWarnedAbout() {
        QueueChecks.Plan plan =
                QueueChecks.plan(List.of("images", "mail", "imgaes"), KNOWN, BrokerNames.DEFAULT);
        assertThat(plan.queues()).containsExactly("images", "mail", "imgaes");
        assertThat(plan.warnings())
                .singleElement()
                .asString()
                .startsWith("queue 'imgaes' is the queue of no task class this worker knows")
                .contains("images, mail");
    }

    @Test
    void aKnownTaskWhoseQueueIsNotConsumedIsWarnedAbout() {
        QueueChecks.Plan plan = QueueChecks.plan(List.of("images"), KNOWN, BrokerNames.DEFAULT);
        assertThat(plan.warnings())
                .singleElement()
                .asString()
                .startsWith("SendMail goes to queue 'mail', which this worker does not consume");
    }

    @Test
    void severalUnconsumedQueuesAreNamedInOneWarning() {
        QueueChecks.Plan plan =
                QueueChecks.plan(
                        List.of("images"),
                        List.of(MakeThumbnail.class, SendMail.class, BuildReport.class),
                        BrokerNames.DEFAULT);
        assertThat(plan.warnings())
                .singleElement()
                .asString()
                .startsWith("2 queues of task classes this worker knows are not consumed by it:")
                .contains("'mail' (SendMail)", "'reports' (BuildReport)");
    }

    @Test
    void withNoKnownTasksNothingCanBeCheckedButThePrefix() {
        QueueChecks.Plan plan =
                QueueChecks.plan(List.of("anything", "warren.x"), List.of(), BrokerNames.DEFAULT);
        assertThat(plan.queues()).containsExactly("anything", "x");
        assertThat(plan.warnings()).hasSize(1);
    }

    @Test
    void theSameQueueTwiceOnceWithThePrefixIsConsumedOnce() {
        QueueChecks.Plan plan =
                QueueChecks.plan(
                        List.of("images", "warren.images", "mail"), KNOWN, BrokerNames.DEFAULT);
        assertThat(plan.queues()).containsExactly("images", "mail");
        assertThat(plan.warnings()).hasSize(2);
    }

    @Test
    void aPrefixedQueueIsAcceptedByTheWorkerConfigButARealTypoIsNot() {
        assertThat(WorkerConfig.custom().queues("warren@acme.images").build().queues())
                .containsExactly("warren@acme.images");
        assertThatThrownBy(() -> WorkerConfig.custom().queues("images@x"))
                .isInstanceOf(ConfigurationException.class);
    }
}
