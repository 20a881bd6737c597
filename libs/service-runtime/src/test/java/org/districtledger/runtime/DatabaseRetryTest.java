package org.districtledger.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer handed records while its service is still migrating the schema waits for the migration: the work
 * runs only once the schema is there (a table that does not exist yet would otherwise send a good record to the
 * dead-letter topic, as a replay started next to a fresh database once did).
 */
class DatabaseRetryTest {

    /** A schema migration that finishes when the test says so. */
    static final class Migrating extends SchemaMigration {
        final AtomicBoolean done = new AtomicBoolean();

        @Override
        public boolean migrated() {
            return done.get();
        }
    }

    @Test
    void workWaitsForTheSchemaMigration() throws Exception {
        Migrating schema = new Migrating();
        DatabaseRetry retry = new DatabaseRetry(Duration.ofMillis(200), schema);
        AtomicLong ranAt = new AtomicLong();
        long start = System.nanoTime();
        Thread migration = new Thread(() -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                return;
            }
            schema.done.set(true);
        });
        migration.start();
        String result = retry.untilReachable("a batch", () -> {
            ranAt.set(System.nanoTime());
            assertTrue(schema.migrated(), "the work ran before the schema was migrated");
            return "applied";
        });
        migration.join();
        assertEquals("applied", result);
        assertTrue(Duration.ofNanos(ranAt.get() - start).toMillis() >= 600, "it waited for the migration");
    }

    @Test
    void aMigratedSchemaDoesNotDelayTheWork() throws Exception {
        Migrating schema = new Migrating();
        schema.done.set(true);
        assertEquals(
                "applied", new DatabaseRetry(Duration.ofSeconds(5), schema).untilReachable("a batch", () -> "applied"));
    }
}
