package org.districtledger.tracker.flag;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.districtledger.runtime.SessionLock;
import org.districtledger.tracker.TrackerInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly flag run happens on one replica: while another replica holds its lock (here, this test's own
 * connection to the same database, as another replica's would), this one skips; once it is free, this one runs.
 */
@QuarkusTest
@WithTestResource(TrackerInfrastructure.class)
class NightlyRunTest {

    @Inject
    FlagService flags;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anotherReplicaRunningTheNightlyRunMakesThisOneSkipIt() throws Exception {
        try (Connection otherReplica = dataSource.getConnection()) {
            assertTrue(SessionLock.tryLock(otherReplica, FlagService.NIGHTLY_LOCK));
            try {
                assertFalse(flags.nightly(), "another replica runs it tonight");
            } finally {
                SessionLock.unlock(otherReplica, FlagService.NIGHTLY_LOCK);
            }
        }
        assertTrue(flags.nightly(), "with the lock free, this replica runs it");
        try (Connection after = dataSource.getConnection()) {
            assertTrue(SessionLock.tryLock(after, FlagService.NIGHTLY_LOCK), "and frees it when done");
            SessionLock.unlock(after, FlagService.NIGHTLY_LOCK);
        }
    }
}
