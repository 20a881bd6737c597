package org.districtledger.runtime;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which database failures a consumer waits out (never dead-lettering a good record for them) and which it does not. */
class FailuresTest {

    @Test
    void whatPassesIfTriedAgainIsTransient() {
        for (String state :
                new String[] {"08006", "08001", "40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300", "53200"
                }) {
            assertTrue(Failures.isTransient(wrapped(new SQLException("failed", state))), state);
        }
        assertTrue(Failures.isTransient(
                wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(Failures.isTransient(new IllegalStateException(new ConnectException("Connection refused"))));
    }

    @Test
    void whatFailsEveryTimeIsNot() {
        for (String state : new String[] {"23505", "23503", "22001", "22P02", "42P01", "42703"}) {
            assertFalse(Failures.isTransient(wrapped(new SQLException("failed", state))), state);
        }
        assertFalse(Failures.isTransient(new IllegalArgumentException("a bad record")));
    }

    /** As Hibernate and Narayana hand it up: the SQL failure a few causes down. */
    private static RuntimeException wrapped(SQLException sql) {
        return new IllegalStateException(
                "transaction failed", new RuntimeException("could not execute statement", sql));
    }
}
