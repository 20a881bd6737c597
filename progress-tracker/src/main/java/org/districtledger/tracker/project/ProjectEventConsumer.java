package org.districtledger.tracker.project;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.runtime.DatabaseRetry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code ledger.project-events}. A record that cannot be read is refused and goes to
 * {@code ledger.project-events.tracker-dlq} with the reason; while the database is unreachable the consumer
 * waits and retries the same record, so a good record is never dropped.
 */
@ApplicationScoped
public class ProjectEventConsumer {

    private final ReadModel readModel;
    private final DatabaseRetry retry;
    private final ObjectMapper json;

    public ProjectEventConsumer(ReadModel readModel, DatabaseRetry retry, ObjectMapper json) {
        this.readModel = readModel;
        this.retry = retry;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Incoming("project-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        ProjectEvent event = ProjectEvent.read(record, json);
        retry.untilReachable(event.type() + " of " + event.code(), () -> readModel.apply(event));
    }
}
