package org.districtledger.tracker.project;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.runtime.Failures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Consumes {@code ledger.project-events}. A record that cannot be read is refused and goes to
 * {@code ledger.project-events.tracker-dlq} with the reason; while the database is unreachable the consumer
 * waits and retries the same record, so a good record is never dropped.
 */
@ApplicationScoped
public class ProjectEventConsumer {

    private static final Logger LOG = Logger.getLogger(ProjectEventConsumer.class);

    private final ReadModel readModel;
    private final ObjectMapper json;
    private final Duration retry;

    public ProjectEventConsumer(ReadModel readModel, ObjectMapper json,
                                @ConfigProperty(name = "ledger.reachability.retry", defaultValue = "5s") Duration retry) {
        this.readModel = readModel;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.retry = retry;
    }

    @Incoming("project-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        ProjectEvent event = ProjectEvent.read(record, json);
        boolean waiting = false;
        while (true) {
            try {
                readModel.apply(event);
                if (waiting) {
                    LOG.infof("Database back: applied %s of %s", event.type(), event.code());
                }
                return;
            } catch (RuntimeException e) {
                if (!Failures.isConnectionFailure(e)) {
                    throw e;
                }
                if (!waiting) {
                    LOG.warnf("Cannot apply %s of %s: database unreachable (%s); retrying every %d s",
                            event.type(), event.code(), Failures.rootMessage(e), retry.toSeconds());
                    waiting = true;
                }
                Thread.sleep(retry.toMillis());
            }
        }
    }
}
