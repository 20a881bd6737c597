package org.districtledger.runtime.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.districtledger.runtime.Failures;
import org.districtledger.runtime.SchemaMigration;
import org.districtledger.runtime.ServerReachability;
import org.districtledger.runtime.SessionLock;
import org.districtledger.runtime.tracing.TraceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox to the topic of the {@code outbox} channel, oldest first, at least once. One relay at a time
 * holds the outbox (a PostgreSQL session advisory lock, freed if its replica dies), so several replicas keep
 * each project's events in order.
 * An event is marked published only after Kafka acknowledged it ({@code acks=all}), and a key's events are sent one
 * after the other, so that a failed send never lets a later event of that key onto the topic first
 * ({@link KeyOrderedSends}). The relay runs as
 * soon as a transaction that wrote an event commits, and sweeps the outbox every poll interval besides.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Arbitrary, fixed: the key of the advisory lock that makes the relay a singleton across a service's replicas. */
    private static final long RELAY_LOCK = 0x4c45444745524f42L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ServerReachability reachability;

    @Inject
    SchemaMigration schema;

    @Inject
    MeterRegistry meters;

    /** From handing an event to the producer to Kafka's acknowledgement ({@code ledger_relay_send_seconds}). */
    private Timer sendTime;

    @ConfigProperty(name = "ledger.outbox.batch-size", defaultValue = "500")
    int batchSize;

    /** The CloudEvents {@code source} of this service, e.g. {@code /project-registry}. */
    @ConfigProperty(name = "ledger.outbox.source")
    URI source;

    @ConfigProperty(name = "ledger.outbox.poll-interval", defaultValue = "1s")
    Duration pollInterval;

    /**
     * How long the relay waits, once woken by a commit, for more commits to publish with it (as a Kafka producer's
     * {@code linger.ms}): under load one read, one send and one update carry many events instead of one each.
     */
    @ConfigProperty(name = "ledger.outbox.linger", defaultValue = "5ms")
    Duration linger;

    /**
     * Event types published on another topic than the channel's, by the start of their type: e.g.
     * {@code ledger.reminder.=ledger.reminders}. The rest go to the {@code outbox} channel's topic.
     */
    @ConfigProperty(name = "ledger.outbox.routes")
    Optional<List<String>> routes;

    /** {@link #routes}, read once at start: type prefix → topic, in the order configured. */
    private final Map<String, String> topicByTypePrefix = new LinkedHashMap<>();

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean failing;
    private Thread worker;

    void onStart(@Observes StartupEvent event) {
        for (String route : routes.orElse(List.of())) {
            int equals = route.indexOf('=');
            if (equals > 0) {
                topicByTypePrefix.put(
                        route.substring(0, equals).strip(),
                        route.substring(equals + 1).strip());
            }
        }
        sendTime = Timer.builder("ledger.relay.send")
                .description("Time from handing an outbox event to Kafka to its acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Wakes the relay when a transaction that appended an event has committed. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                if (wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS) && !linger.isZero()) {
                    Thread.sleep(linger.toMillis());
                }
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                relay();
            }
        }
    }

    void relay() {
        if (!schema.migrated() || !reachability.kafkaUp() || !reachability.postgresUp()) {
            return;
        }
        try {
            boolean relayed = SessionLock.runAlone(dataSource, RELAY_LOCK, session -> {
                int published;
                do {
                    published = publishBatch();
                } while (published == batchSize);
            });
            if (!relayed) {
                return; // another replica is relaying
            }
            if (failing) {
                LOG.info("Outbox relay publishes again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warnf(
                        "Outbox relay paused: %s; events stay in the outbox and are retried", Failures.rootMessage(e));
                failing = true;
            }
        }
    }

    /**
     * Publishes one batch of pending events and marks them published; returns how many. No transaction is
     * open while Kafka is waited for: the batch is read in one, and marked in another once all is acknowledged.
     */
    int publishBatch() {
        List<OutboxEvent> pending = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>find("publishedAt is null order by id")
                        .page(0, batchSize)
                        .list());
        if (pending.isEmpty()) {
            return 0;
        }
        Set<Long> acknowledged = KeyOrderedSends.send(pending, this::send, Duration.ofSeconds(60));
        if (!acknowledged.isEmpty()) {
            List<Long> ids = List.copyOf(acknowledged);
            QuarkusTransaction.requiringNew()
                    .run(() -> OutboxEvent.update("publishedAt = ?1 where id in ?2", Instant.now(), ids));
        }
        if (acknowledged.size() < pending.size()) {
            throw new IllegalStateException((pending.size() - acknowledged.size()) + " of " + pending.size()
                    + " events were not acknowledged by Kafka");
        }
        return pending.size();
    }

    private Uni<Void> send(OutboxEvent event) {
        OutgoingCloudEventMetadataBuilder<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withSource(source)
                .withType(event.eventType)
                .withSubject(event.aggregateCode)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json");
        // the trace of the change goes on: as the CloudEvents distributed tracing extension (ce_traceparent), and as
        // the parent of the Kafka producer's span, whose own traceparent header the connector adds
        Context trace = TraceContext.parent(event.traceparent);
        if (event.traceparent != null) {
            cloudEvent.withExtension("traceparent", event.traceparent);
        }
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> record =
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.aggregateCode);
        topicByTypePrefix.entrySet().stream()
                .filter(route -> event.eventType.startsWith(route.getKey()))
                .findFirst()
                .ifPresent(route -> record.withTopic(route.getValue()));
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return emitter.sendMessage(Message.of(event.payload)
                            .addMetadata(cloudEvent.build())
                            .addMetadata(record.build())
                            .addMetadata(TracingMetadata.with(trace, trace)))
                    .invoke(() -> sendTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        });
    }
}
