package org.districtledger.localstack;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who may do what on the ledger's Kafka: one SCRAM-SHA-512 identity per service and per external system, each
 * with ACLs for exactly its topics (the broker refuses everything else, {@code allow.everyone.if.no.acl.found=false}).
 * The registry alone writes {@code ledger.project-events}, the tracker alone {@code ledger.tracker-alerts} and
 * {@code ledger.statistics}, the
 * approval bureau alone {@code ledger.approval-events}; other district systems only read. The same identities are
 * KafkaUsers in deploy/k8s and SCRAM users in docker-compose.yml (a test checks that they agree).
 *
 * <p>Passwords are made at random on the first start and kept in the data folder ({@code kafka-credentials.properties},
 * readable by its owner only); the broker's own identity ({@value #ADMIN}) authenticates with PLAIN on the broker's
 * internal listeners, which clients never see.
 */
public final class KafkaIdentities {

    /** The broker's own identity and the local stack's administrator: a super user. */
    public static final String ADMIN = "ledger-admin";

    public static final String MECHANISM = "SCRAM-SHA-512";

    /**
     * One identity.
     *
     * @param name the SCRAM user name, also the principal {@code User:<name>}
     * @param writes the topics it may write
     * @param reads the topics it may read
     * @param readsPrefix a prefix of topics it may read, or null
     * @param groupPrefix the prefix of the consumer groups it may use, or null if it does not consume
     */
    public record Identity(
            String name, List<String> writes, List<String> reads, String readsPrefix, String groupPrefix) {

        public String principal() {
            return "User:" + name;
        }
    }

    public static final Identity REGISTRY = new Identity(
            "project-registry",
            List.of(
                    "ledger.project-events",
                    "ledger.reminders",
                    "ledger.tracker-alerts.registry-dlq",
                    "ledger.approval-events.dlq"),
            List.of("ledger.tracker-alerts", "ledger.approval-events"),
            null,
            "project-registry");

    public static final Identity TRACKER = new Identity(
            "progress-tracker",
            List.of(
                    "ledger.tracker-alerts",
                    "ledger.statistics",
                    "ledger.project-events.tracker-dlq",
                    "ledger.tracker-alerts.tracker-dlq"),
            // its own dead letters too: the office's operators list and re-drive them through the tracker
            List.of("ledger.project-events", "ledger.tracker-alerts", "ledger.project-events.tracker-dlq"),
            null,
            "progress-tracker");

    /** The district's approval system, which announces granted permits. */
    public static final Identity APPROVAL_BUREAU =
            new Identity("approval-bureau", List.of("ledger.approval-events"), List.of(), null, null);

    /** Any other district system (statistics, supervision, a data portal): reads every ledger topic, writes none. */
    public static final Identity DISTRICT_READER =
            new Identity("district-reader", List.of(), List.of(), "ledger.", "district-reader");

    public static final List<Identity> ALL = List.of(REGISTRY, TRACKER, APPROVAL_BUREAU, DISTRICT_READER);

    private static final String FILE = "kafka-credentials.properties";

    private final Map<String, String> passwords;

    private KafkaIdentities(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    /** The identities of the stack whose data is in the folder: read, or made on the first start. */
    public static KafkaIdentities in(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(in);
                }
            }
            boolean added = false;
            SecureRandom random = new SecureRandom();
            List<String> names = new ArrayList<>();
            names.add(ADMIN);
            ALL.forEach(identity -> names.add(identity.name()));
            for (String name : names) {
                if (stored.getProperty(name) == null) {
                    byte[] secret = new byte[24];
                    random.nextBytes(secret);
                    stored.setProperty(
                            name, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
                    added = true;
                }
            }
            if (added) {
                Files.createDirectories(directory);
                if (!Files.exists(file)) {
                    Files.createFile(file);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // the folder's own permissions protect it
                    }
                }
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    stored.store(out, "Kafka passwords of the local stack (SCRAM-SHA-512); made at first start");
                }
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            names.forEach(name -> passwords.put(name, stored.getProperty(name)));
            return new KafkaIdentities(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the Kafka credentials in " + file + ": " + e.getMessage(), e);
        }
    }

    public String password(String name) {
        String password = passwords.get(name);
        if (password == null) {
            throw new IllegalArgumentException("No Kafka identity " + name);
        }
        return password;
    }

    /** A Kafka client's settings to sign in as the identity on the client listener. */
    public Map<String, Object> clientConfig(String name) {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM,
                MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG,
                jaas("org.apache.kafka.common.security.scram.ScramLoginModule", name));
    }

    /** The environment that makes a ledger service sign in as the identity (kafka.* settings of Quarkus). */
    public Map<String, String> serviceEnvironment(String name) {
        Map<String, Object> config = clientConfig(name);
        return Map.of(
                "KAFKA_SECURITY_PROTOCOL", (String) config.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG),
                "KAFKA_SASL_MECHANISM", (String) config.get(SaslConfigs.SASL_MECHANISM),
                "KAFKA_SASL_JAAS_CONFIG", (String) config.get(SaslConfigs.SASL_JAAS_CONFIG));
    }

    /** The administrator's settings, on the broker's internal listener (PLAIN, known to the broker alone). */
    Map<String, Object> adminConfig() {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.plain.PlainLoginModule", ADMIN));
    }

    /** The broker's settings: SCRAM for clients, PLAIN between its own parts, ACLs for everyone but itself. */
    List<String> brokerSettings() {
        String admin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + password(ADMIN) + "\" user_" + ADMIN + "=\"" + password(ADMIN) + "\";";
        return List.of(
                "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "inter.broker.listener.name=BROKER",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.client.sasl.enabled.mechanisms=" + MECHANISM,
                "listener.name.client.scram-sha-512.sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.broker.sasl.enabled.mechanisms=PLAIN",
                "listener.name.broker.plain.sasl.jaas.config=" + admin,
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + admin,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + ADMIN,
                "allow.everyone.if.no.acl.found=false");
    }

    /** Creates (or updates) every identity's SCRAM credential and ACLs; run as the administrator at each start. */
    void apply(Admin admin) {
        List<UserScramCredentialAlteration> credentials = new ArrayList<>();
        for (Identity identity : ALL) {
            credentials.add(new UserScramCredentialUpsertion(
                    identity.name(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                    password(identity.name())));
        }
        try {
            admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls()).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka identities", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the Kafka identities: " + e.getMessage(), e);
        }
    }

    /** Every identity's ACLs. */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (Identity identity : ALL) {
            for (String topic : identity.writes()) {
                allow(acls, identity, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
                allow(acls, identity, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE);
            }
            for (String topic : identity.reads()) {
                allow(acls, identity, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ);
                allow(acls, identity, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE);
            }
            if (identity.readsPrefix() != null) {
                allow(
                        acls,
                        identity,
                        ResourceType.TOPIC,
                        identity.readsPrefix(),
                        PatternType.PREFIXED,
                        AclOperation.READ);
                allow(
                        acls,
                        identity,
                        ResourceType.TOPIC,
                        identity.readsPrefix(),
                        PatternType.PREFIXED,
                        AclOperation.DESCRIBE);
            }
            if (identity.groupPrefix() != null) {
                allow(
                        acls,
                        identity,
                        ResourceType.GROUP,
                        identity.groupPrefix(),
                        PatternType.PREFIXED,
                        AclOperation.READ);
            }
        }
        return acls;
    }

    private static void allow(
            List<AclBinding> acls,
            Identity identity,
            ResourceType type,
            String name,
            PatternType pattern,
            AclOperation operation) {
        acls.add(new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry(identity.principal(), "*", operation, AclPermissionType.ALLOW)));
    }

    private String jaas(String module, String name) {
        return module + " required username=\"" + name + "\" password=\"" + password(name) + "\";";
    }
}
