package org.districtledger.runtime.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.districtledger.runtime.JdbcBatch;
import org.districtledger.runtime.tracing.TraceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes an event into the service's outbox, inside the transaction of the change it describes;
 * {@link OutboxRelay} publishes it once that transaction has committed.
 * <p>
 * A transaction's events are kept until it is about to commit (or until {@value #WRITE_AT} are waiting) and then go
 * to the database together, in one JDBC batch (a multi-row insert), as Hibernate Envers writes its audit rows: an
 * import of ten thousand rows, or an evaluation that raises a thousand flags, costs a few round trips rather than one
 * an event. They keep the order in which they were appended, and so their ids do: the relay publishes in id order.
 */
@ApplicationScoped
public class Outbox {

    /** Fired when an event was appended; observed once the transaction commits. */
    public record Appended(String key, long sequence) {}

    /** The most events a transaction keeps in memory before it writes them, so that a large import stays bounded. */
    static final int WRITE_AT = 500;

    private static final String INSERT = "INSERT INTO outbox_event"
            + " (event_id, event_type, aggregate_code, sequence, occurred_at, payload, traceparent)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** The key of a transaction's waiting events among its resources. */
    private static final Object WAITING = Outbox.class.getName() + ".waiting";

    private final ObjectMapper json;
    private final Event<Appended> appended;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(ObjectMapper json, Event<Appended> appended, TransactionSynchronizationRegistry transactions) {
        this.json = json;
        this.appended = appended;
        this.transactions = transactions;
    }

    /**
     * Appends an event.
     *
     * @param type the CloudEvents type
     * @param key the record key and CloudEvents subject (a ledger code)
     * @param sequence the key's own event sequence number, from 1
     * @param body the JSON body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String type, String key, long sequence, Object body) {
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the event " + type + " of " + key, e);
        }
        Waiting waiting = waiting();
        waiting.rows.add(new Row(
                UUID.randomUUID(),
                type,
                key,
                sequence,
                OffsetDateTime.now(ZoneOffset.UTC),
                payload,
                TraceContext.current()));
        if (waiting.rows.size() >= WRITE_AT) {
            waiting.write(session());
        }
        appended.fire(new Appended(key, sequence));
    }

    /** This transaction's waiting events, registered to be written before it commits when the first one comes. */
    private Waiting waiting() {
        Waiting waiting = (Waiting) transactions.getResource(WAITING);
        if (waiting == null) {
            waiting = new Waiting();
            transactions.putResource(WAITING, waiting);
            session().getTransactionCompletionCallbacks().registerCallback(waiting);
        }
        return waiting;
    }

    private static SharedSessionContractImplementor session() {
        return OutboxEvent.getEntityManager().unwrap(SharedSessionContractImplementor.class);
    }

    /** An event as its outbox row. */
    private record Row(
            UUID eventId,
            String type,
            String key,
            long sequence,
            OffsetDateTime occurredAt,
            String payload,
            String traceparent) {}

    /** Events appended in one transaction and not yet written; Hibernate writes them after its last flush. */
    private static final class Waiting implements BeforeCompletionCallback {

        private final List<Row> rows = new ArrayList<>();

        @Override
        public void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
            write(session);
        }

        void write(SharedSessionContractImplementor session) {
            JdbcBatch.execute(session, INSERT, rows, (insert, row) -> {
                insert.setObject(1, row.eventId());
                insert.setString(2, row.type());
                insert.setString(3, row.key());
                insert.setLong(4, row.sequence());
                insert.setObject(5, row.occurredAt());
                insert.setString(6, row.payload());
                insert.setString(7, row.traceparent());
            });
            rows.clear();
        }
    }
}
