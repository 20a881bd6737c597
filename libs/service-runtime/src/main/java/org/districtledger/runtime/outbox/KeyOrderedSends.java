package org.districtledger.runtime.outbox;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sends a batch so that a key's records reach the topic in their order even when some sends fail: the keys go
 * in parallel, but each key's next record is sent only after Kafka acknowledged the one before it, and nothing
 * after a failed record of that key is sent. The ones not acknowledged stay in the outbox and are sent again,
 * first, by the next batch: the topic never holds n+1 of a key before n.
 */
final class KeyOrderedSends {

    private KeyOrderedSends() {}

    /** Sends the events (oldest first) and returns the ids Kafka acknowledged. */
    static Set<Long> send(List<OutboxEvent> events, Function<OutboxEvent, Uni<Void>> send, Duration atMost) {
        Map<String, List<OutboxEvent>> byKey = new LinkedHashMap<>();
        for (OutboxEvent event : events) {
            byKey.computeIfAbsent(event.aggregateCode, key -> new ArrayList<>()).add(event);
        }
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        List<Uni<Void>> chains = new ArrayList<>(byKey.size());
        for (List<OutboxEvent> ofKey : byKey.values()) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OutboxEvent event : ofKey) {
                // chain: a failure skips every later step of this key
                chain = chain.chain(() -> send.apply(event).invoke(() -> acknowledged.add(event.id)));
            }
            // one key's failure must not stop the others
            chains.add(chain.onFailure().recoverWithNull());
        }
        if (!chains.isEmpty()) {
            Uni.join().all(chains).andCollectFailures().await().atMost(atMost);
        }
        return acknowledged;
    }
}
