package org.districtledger.runtime.outbox;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A partial send failure keeps each key's order on the topic: nothing of a key is sent after its failed record. */
class KeyOrderedSendsTest {

    private final ScheduledExecutorService acks = Executors.newScheduledThreadPool(4);

    @Test
    void aFailedRecordHoldsBackTheRestOfItsKeyButNotOtherKeys() {
        List<OutboxEvent> batch = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            batch.add(event(batch.size() + 1, "A", n));
            batch.add(event(batch.size() + 1, "B", n));
        }
        List<String> topic = Collections.synchronizedList(new ArrayList<>());
        // A's third record fails; the later ones of A answer fastest, to tempt a reordering
        Set<Long> acknowledged = KeyOrderedSends.send(
                batch,
                event -> kafka(event, topic, event.aggregateCode.equals("A") && event.sequence == 3),
                Duration.ofSeconds(10));

        assertEquals(List.of("A1", "A2"), only("A", topic), "nothing of A after its failed third record");
        assertEquals(List.of("B1", "B2", "B3", "B4", "B5"), only("B", topic), "B is not held back by A");
        assertEquals(Set.of(1L, 3L, 2L, 4L, 6L, 8L, 10L), acknowledged);

        // the next batch starts from what is still pending, oldest first, and the send now succeeds
        List<OutboxEvent> pending =
                batch.stream().filter(e -> !acknowledged.contains(e.id)).toList();
        Set<Long> second = KeyOrderedSends.send(pending, event -> kafka(event, topic, false), Duration.ofSeconds(10));
        assertEquals(pending.size(), second.size());
        assertEquals(List.of("A1", "A2", "A3", "A4", "A5"), only("A", topic), "A in order, each once");
    }

    @Test
    void eachKeysRecordsAreSentInOrderWhenAcknowledgementsComeBackOutOfOrder() {
        List<OutboxEvent> batch = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            batch.add(event(n, "K" + (n % 3), n));
        }
        List<String> topic = Collections.synchronizedList(new ArrayList<>());
        Set<Long> acknowledged =
                KeyOrderedSends.send(batch, event -> kafka(event, topic, false), Duration.ofSeconds(10));
        assertEquals(20, acknowledged.size());
        Map<String, Long> last = new ConcurrentHashMap<>();
        for (String record : topic) {
            String key = record.substring(0, 2);
            long sequence = Long.parseLong(record.substring(2));
            assertTrue(sequence > last.getOrDefault(key, 0L), record + " came after a later record of its key");
            last.put(key, sequence);
        }
    }

    /** A stand-in broker: appends on acknowledgement after a delay that is shorter for later records. */
    private Uni<Void> kafka(OutboxEvent event, List<String> topic, boolean fail) {
        long delay = Math.max(1, 30 - event.sequence * 5);
        return Uni.createFrom()
                .<Void>emitter(emitter -> acks.schedule(
                        () -> {
                            if (fail) {
                                emitter.fail(new IllegalStateException("the broker refused it"));
                            } else {
                                topic.add(event.aggregateCode + event.sequence);
                                emitter.complete(null);
                            }
                        },
                        delay,
                        TimeUnit.MILLISECONDS));
    }

    private static List<String> only(String key, List<String> topic) {
        return topic.stream().filter(r -> r.startsWith(key)).toList();
    }

    private static OutboxEvent event(long id, String key, long sequence) {
        OutboxEvent event = new OutboxEvent();
        event.id = id;
        event.aggregateCode = key;
        event.sequence = sequence;
        return event;
    }
}
