package org.districtledger.tracker.project;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
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
                List<ProjectEvent> one = List.of(events.get(i));
                String what = one.get(0).type() + " of " + one.get(0).code();
                try {
                    count(retry.untilReachable(what, () -> readModel.applyAll(one)));
                } catch (RuntimeException rulesFailed) {
                    try {
                        count(retry.untilReachable(what, () -> readModel.applyWithoutFlags(one)));
                        LOG.errorf(
                                rulesFailed,
                                "Applied %s, but its flags could not be evaluated; the nightly run will",
                                what);
                    } catch (RuntimeException refused) {
                        deadLetters.send(sources.get(i), "cannot be applied: " + Failures.rootMessage(refused));
                    }
                }
            }
        }
    }

    private void count(List<ReadModel.Result> results) {
        Map<ReadModel.Result, Integer> outcomes = new EnumMap<>(ReadModel.Result.class);
        results.forEach(result -> outcomes.merge(result, 1, Integer::sum));
        outcomes.forEach((outcome, n) -> metrics.eventsApplied(outcome.name().toLowerCase(Locale.ROOT), n));
    }
}
