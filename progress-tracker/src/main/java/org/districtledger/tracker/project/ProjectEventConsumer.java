package org.districtledger.tracker.project;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.districtledger.runtime.DatabaseRetry;
import org.districtledger.runtime.Failures;
import org.districtledger.runtime.UnreadableRecordException;
import org.districtledger.runtime.metrics.LedgerMetrics;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Consumes {@code ledger.project-events} in batches, one transaction a batch, so that bulk imports and replays
 * keep up. A record that cannot be read, or whose event cannot be applied, goes to the dead-letter topic with
 * the reason and the others are applied; while the database is unreachable the batch waits and is retried, so
 * a good record is never dropped.
 */
@ApplicationScoped
public class ProjectEventConsumer {

    private static final Logger LOG = Logger.getLogger(ProjectEventConsumer.class);

    private final ReadModel readModel;
    private final DatabaseRetry retry;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final LedgerMetrics metrics;

    public ProjectEventConsumer(
            ReadModel readModel,
            DatabaseRetry retry,
            DeadLetters deadLetters,
            ObjectMapper json,
            LedgerMetrics metrics) {
        this.readModel = readModel;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        // money exactly as the registry wrote it: 18000.00 stays 18000.00, not 1.8E+4
        this.json = json.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    @Incoming("project-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        List<ProjectEvent> events = new ArrayList<>(records.count());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(ProjectEvent.read(record, json));
                sources.add(record);
            } catch (UnreadableRecordException e) {
                deadLetters.send(record, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            count(retry.untilReachable("a batch of " + events.size() + " events", () -> readModel.applyAll(events)));
        } catch (RuntimeException batchFailed) {
            // one event the read model refuses must not hold back the rest: apply them one at a time
            for (int i = 0; i < events.size(); i++) {
                applyOne(events.get(i), sources.get(i));
            }
        }
    }

    /**
     * A dead-lettered record taken again, as it first came (its original topic, partition and offset): read and
     * applied with the same checks as any record, and dead-lettered again if it still cannot be.
     *
     * @return how it was taken ({@code applied}, {@code duplicate}, {@code outdated}, {@code parked}), or why it went
     *     back to the dead-letter topic
     */
    public Redriven redrive(ConsumerRecord<String, String> record) throws InterruptedException {
        ProjectEvent event;
        try {
            event = ProjectEvent.read(record, json);
        } catch (UnreadableRecordException e) {
            deadLetters.send(record, e.getMessage());
            return new Redriven(null, e.getMessage());
        }
        return applyOne(event, record);
    }

    /** What became of a re-driven record: its outcome, or the reason it was dead-lettered again. */
    public record Redriven(ReadModel.Result outcome, String deadLettered) {}

    private Redriven applyOne(ProjectEvent event, ConsumerRecord<String, String> source) throws InterruptedException {
        List<ProjectEvent> one = List.of(event);
        String what = event.type() + " of " + event.code();
        try {
            List<ReadModel.Result> results = retry.untilReachable(what, () -> readModel.applyAll(one));
            count(results);
            return new Redriven(results.get(0), null);
        } catch (RuntimeException rulesFailed) {
            try {
                List<ReadModel.Result> results = retry.untilReachable(what, () -> readModel.applyWithoutFlags(one));
                count(results);
                LOG.errorf(rulesFailed, "Applied %s, but its flags could not be evaluated; the nightly run will", what);
                return new Redriven(results.get(0), null);
            } catch (RuntimeException refused) {
                String reason = "cannot be applied: " + Failures.rootMessage(refused);
                deadLetters.send(source, reason);
                return new Redriven(null, reason);
            }
        }
    }

    private void count(List<ReadModel.Result> results) {
        Map<ReadModel.Result, Integer> outcomes = new EnumMap<>(ReadModel.Result.class);
        results.forEach(result -> outcomes.merge(result, 1, Integer::sum));
        outcomes.forEach((outcome, n) -> metrics.eventsApplied(outcome.name().toLowerCase(Locale.ROOT), n));
    }
}
