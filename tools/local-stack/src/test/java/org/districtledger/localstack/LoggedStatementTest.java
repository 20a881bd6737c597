package org.districtledger.localstack;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoggedStatementTest {

    @Test
    void aStatementOfTheDatabaseWithItsValuesLongOnesAndQuotedOnesToo() {
        char[] json = new char[50_000];
        Arrays.fill(json, 'x');
        String payload = "{\"name\": \"" + new String(json) + "\"}";
        String log = "101@tracker:LOG:  execute S_1: SELECT 1\n"
                + "102@registry:LOG:  execute S_2: INSERT INTO outbox_event (payload, note) VALUES ($1, $2)\n"
                + "102@registry:DETAIL:  parameters: $1 = '" + payload + "', $2 = 'it''s'\n"
                + "102@registry:LOG:  statement: COMMIT\n";

        List<LoggedStatement> statements = LoggedStatement.parse("registry", log);

        assertEquals(2, statements.size());
        assertEquals(
                "INSERT INTO outbox_event (payload, note) VALUES ($1, $2)",
                statements.get(0).sql());
        assertEquals(List.of(payload, "it's"), statements.get(0).parameters());
        assertEquals("COMMIT", statements.get(1).sql());
    }
}
