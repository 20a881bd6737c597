package org.districtledger.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalInfrastructureTest {

    @TempDir
    Path data;

    @Test
    void dataKeptInTheFolderSurvivesARestart() throws Exception {
        LocalInfrastructure.Settings settings = new LocalInfrastructure.Settings(data, 0, 0, 0);
        long brokerPid;
        try (LocalInfrastructure stack = LocalInfrastructure.start(settings)) {
            stack.postgres().ensureDatabase("registry", "registry", "registry");
            try (Connection c =
                            DriverManager.getConnection(stack.postgres().jdbcUrl("registry"), "registry", "registry");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (name text)");
                s.execute("INSERT INTO kept VALUES ('武清')");
            }
            try (Admin admin = stack.kafka().admin()) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                Set<String> expected =
                        LedgerTopics.ALL.stream().map(LedgerTopics.Topic::name).collect(Collectors.toSet());
                assertTrue(topics.containsAll(expected), "topics " + topics);
                assertEquals(
                        6,
                        admin.describeTopics(Set.of("ledger.project-events"))
                                .allTopicNames()
                                .get(30, TimeUnit.SECONDS)
                                .get("ledger.project-events")
                                .partitions()
                                .size());
            }
            brokerPid = stack.kafka().pid();
        }
        assertFalse(
                ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false), "the broker process is gone");

        try (LocalInfrastructure again = LocalInfrastructure.start(settings)) {
            again.postgres().ensureDatabase("registry", "registry", "registry");
            try (Connection c =
                            DriverManager.getConnection(again.postgres().jdbcUrl("registry"), "registry", "registry");
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT name FROM kept")) {
                assertTrue(rows.next());
                assertEquals("武清", rows.getString(1));
            }
        }
    }
}
