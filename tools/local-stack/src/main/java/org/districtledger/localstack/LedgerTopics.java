package org.districtledger.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Kafka topics of the ledger, with the partitions and retention the services expect. */
public final class LedgerTopics {

    private static final String FOREVER = "-1";
    private static final String THIRTY_DAYS = String.valueOf(TimeUnit.DAYS.toMillis(30));

    /** One topic: its name, partition count and retention in milliseconds ({@code -1} keeps every record). */
    public record Topic(String name, int partitions, String retentionMs) {}

    public static final List<Topic> ALL = List.of(
            new Topic("ledger.project-events", 6, FOREVER),
            new Topic("ledger.reminders", 3, THIRTY_DAYS),
            new Topic("ledger.approval-events", 3, FOREVER),
            new Topic("ledger.approval-events.dlq", 1, THIRTY_DAYS),
            new Topic("ledger.project-events.tracker-dlq", 1, THIRTY_DAYS),
            new Topic("ledger.tracker-alerts", 6, FOREVER),
            new Topic("ledger.tracker-alerts.registry-dlq", 1, THIRTY_DAYS),
            new Topic("ledger.tracker-alerts.tracker-dlq", 1, THIRTY_DAYS),
            new Topic("ledger.statistics", 1, FOREVER));

    private LedgerTopics() {}

    /** Creates every topic that does not exist yet, with the given replication factor. */
    public static void createAll(Admin admin, short replicationFactor) {
        for (Topic topic : ALL) {
            NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                    .configs(Map.of("retention.ms", topic.retentionMs()));
            try {
                admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + topic.name() + ": " + e.getCause(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + topic.name(), e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not create topic " + topic.name() + " within 30 s", e);
            }
        }
        awaitListed(admin);
    }

    /** A topic just created reaches the broker's metadata a moment after the controller has it: wait until all are listed. */
    private static void awaitListed(Admin admin) {
        Set<String> names = new HashSet<>();
        ALL.forEach(topic -> names.add(topic.name()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(names)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka does not list the ledger's topics within 30 s");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not list the topics: " + e.getMessage(), e);
        }
    }
}
