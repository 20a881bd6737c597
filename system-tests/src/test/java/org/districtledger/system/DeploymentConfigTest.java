package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.kafka.common.acl.AclBinding;
import org.districtledger.localstack.KafkaIdentities;
import org.districtledger.localstack.LedgerTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Dockerfiles, docker-compose.yml and the Kubernetes manifests agree with the packaged services and their
 * configuration: paths, user, ports, health checks, environment variables, databases and topics.
 */
class DeploymentConfigTest {

    private static final Path HOME =
            Paths.get(System.getProperty("ledger.home", "..")).toAbsolutePath().normalize();
    private static final Set<String> SETTINGS = Set.of(
            "QUARKUS_HTTP_PORT",
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "LEDGER_MIGRATION_USERNAME",
            "LEDGER_MIGRATION_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS",
            "KAFKA_SECURITY_PROTOCOL",
            "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG",
            "KAFKA_SSL_TRUSTSTORE_TYPE",
            "KAFKA_SSL_TRUSTSTORE_LOCATION",
            "QUARKUS_OIDC_AUTH_SERVER_URL",
            "QUARKUS_OIDC_CLIENT_ID",
            "LEDGER_SESSION_SECRET",
            "LEDGER_OTLP_ENDPOINT",
            "QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
    private static final Map<String, String> DATABASES =
            Map.of("project-registry", "registry", "progress-tracker", "tracker");

    @Test
    void theKeycloakRealmHasTheRolesTheServicesCheck() throws IOException {
        var realm = new ObjectMapper()
                .readTree(HOME.resolve("deploy/keycloak/district-ledger-realm.json")
                        .toFile());
        Set<String> roles = new TreeSet<>();
        realm.at("/roles/realm").forEach(role -> roles.add(role.get("name").asText()));
        Set<String> checked = new TreeSet<>();
        String source = Files.readString(
                HOME.resolve("libs/service-runtime/src/main/java/org/districtledger/runtime/identity/Roles.java"));
        var constant =
                Pattern.compile("public static final String \\w+ = \"(\\w+)\";").matcher(source);
        while (constant.find()) {
            checked.add(constant.group(1));
        }
        assertEquals(checked, roles, "the realm defines exactly the roles the services check");
    }

    @ParameterizedTest
    @ValueSource(strings = {"project-registry", "progress-tracker"})
    void theDockerfileFitsThePackagedService(String service) throws IOException {
        Path module = HOME.resolve(service);
        List<String> lines = Files.readAllLines(module.resolve("src/main/docker/Dockerfile.jvm"));
        Pattern copy = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$");
        int copies = 0;
        for (String line : lines) {
            Matcher m = copy.matcher(line.strip());
            if (m.matches()) {
                copies++;
                String source = m.group(1);
                if (source.contains("*")) {
                    String folder = source.substring(0, source.lastIndexOf('/'));
                    String glob = source.substring(source.lastIndexOf('/') + 1);
                    try (var files = Files.newDirectoryStream(module.resolve(folder), glob)) {
                        assertTrue(
                                files.iterator().hasNext(), service + ": nothing matches " + source + " after package");
                    }
                } else {
                    assertTrue(
                            Files.exists(module.resolve(source)),
                            service + ": " + source + " does not exist after package");
                }
            }
        }
        assertEquals(4, copies, "the four layers of the fast-jar");
        assertTrue(Files.exists(module.resolve("target/quarkus-app/quarkus-run.jar")));
        String user = lines.stream()
                .filter(l -> l.startsWith("USER "))
                .reduce((a, b) -> b)
                .orElseThrow()
                .substring(5)
                .strip();
        assertFalse(user.equals("0") || user.equals("root"), "the image does not run as root");
        String port = config(service).getProperty("quarkus.http.port");
        assertTrue(lines.contains("EXPOSE " + port), service + " exposes its port " + port);
        assertTrue(
                String.join("\n", lines).contains("http://localhost:" + port + "/q/health/ready"),
                "the health check asks readiness");
    }

    @Test
    void dockerComposeAgreesWithTheServices() throws IOException {
        JsonNode compose =
                new YAMLMapper().readTree(HOME.resolve("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");
        for (String service : DATABASES.keySet()) {
            JsonNode s = services.get(service);
            assertNotNull(s, service);
            String port = config(service).getProperty("quarkus.http.port");
            assertEquals("127.0.0.1:" + port + ":" + port, s.get("ports").get(0).asText(), "this machine only");
            assertEquals(
                    "src/main/docker/Dockerfile.jvm",
                    s.get("build").get("dockerfile").asText());
            assertEquals("./" + service, s.get("build").get("context").asText());
            s.get("environment")
                    .fieldNames()
                    .forEachRemaining(
                            name -> assertTrue(SETTINGS.contains(name), service + ": unknown setting " + name));
            assertTrue(
                    s.get("environment")
                            .path("QUARKUS_OIDC_AUTH_SERVER_URL")
                            .asText()
                            .endsWith("/realms/district-ledger"),
                    service + " takes the tokens of the realm in deploy/keycloak");
            assertEquals(port, s.get("environment").get("QUARKUS_HTTP_PORT").asText());
            assertTrue(s.get("environment")
                    .get("QUARKUS_DATASOURCE_JDBC_URL")
                    .asText()
                    .endsWith("/" + DATABASES.get(service)));
            assertEquals(
                    "kafka:9092",
                    s.get("environment").get("KAFKA_BOOTSTRAP_SERVERS").asText());
            assertTrue(s.get("healthcheck").get("test").toString().contains("localhost:" + port + "/q/health/ready"));
            assertTrue(
                    s.get("environment").path("LEDGER_SESSION_SECRET").asText().startsWith("${"),
                    service + ": the pages' session secret comes from .env");
        }
        for (String infra : List.of("postgres", "kafka", "kafka-init", "keycloak")) {
            assertNotNull(services.get(infra), infra);
        }
        services.fields().forEachRemaining(service -> {
            service.getValue()
                    .path("ports")
                    .forEach(published -> assertTrue(
                            published.asText().startsWith("127.0.0.1:"),
                            service.getKey() + " publishes " + published + " beyond this machine"));
            String image = service.getValue().path("image").asText();
            assertTrue(
                    image.isEmpty() || image.startsWith("district-ledger/") || image.matches(".+:[^:]*\\d[^:]*"),
                    service.getKey() + "'s image has a pinned tag: " + image);
        });
        assertTrue(
                services.get("kafka").get("image").asText().equals("apache/kafka:4.1.2"),
                "the official image, at the version of the BOM");
        String init = services.get("kafka-init").get("command").get(0).asText();
        Map<String, String[]> created = new HashMap<>();
        Matcher m = Pattern.compile(
                        "--topic (\\S+) --partitions (\\d+) --replication-factor \\d+ --config retention.ms=(-?\\d+)")
                .matcher(init);
        while (m.find()) {
            created.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        assertTopics(created);
        // one database per service, owned by its owner role; the service runs as a role of its own
        String databases = Files.readString(HOME.resolve("deploy/compose/postgres-init.sh"));
        DATABASES.values().forEach(db -> {
            assertTrue(databases.contains("('" + db + "')"), "db-init makes the database " + db);
            assertTrue(databases.contains("ALTER ROLE " + db + " WITH LOGIN PASSWORD :'" + db + "'"), db);
            assertTrue(databases.contains("ALTER ROLE " + db + "_app WITH LOGIN PASSWORD :'" + db + "_app'"), db);
        });
        assertTrue(
                services.at("/db-init/volumes/0").asText().startsWith("./deploy/compose/postgres-init.sh:"),
                "db-init runs the script at every up, so a password changed in .env is set");

        // Keycloak in production mode, on its own database
        JsonNode keycloak = services.get("keycloak");
        assertEquals("start", keycloak.at("/command/0").asText(), "not start-dev");
        assertEquals("postgres", keycloak.at("/environment/KC_DB").asText());

        // every password and secret from .env: no default, all listed in .env.example
        String text = Files.readString(HOME.resolve("docker-compose.yml"));
        Set<String> example = new TreeSet<>();
        for (String line : Files.readAllLines(HOME.resolve(".env.example"))) {
            if (!line.startsWith("#") && line.contains("=")) {
                example.add(line.substring(0, line.indexOf('=')));
            }
        }
        Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)(:?[-?])?").matcher(text);
        Set<String> used = new TreeSet<>();
        while (variable.find()) {
            used.add(variable.group(1));
            if (variable.group(1).matches(".*(PASSWORD|SECRET)")) {
                assertEquals(
                        ":?",
                        variable.group(2),
                        variable.group(1) + " has no default: compose refuses to start without it");
            }
        }
        assertEquals(used, example, ".env.example lists what docker-compose.yml takes from .env");
    }

    @Test
    void theKubernetesPodsMeetTheRestrictedStandardAndTheirPoolsFitTheDatabase() throws IOException {
        List<JsonNode> documents = Kustomize.render(HOME.resolve("deploy/k8s/base"));
        Map<String, Integer> productionReplicas = Map.of("project-registry", 3);
        for (String service : DATABASES.keySet()) {
            JsonNode deployment = find(documents, "Deployment", service);
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertEquals(
                    "RuntimeDefault",
                    pod.at("/securityContext/seccompProfile/type").asText(),
                    service);
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), service);
            assertFalse(
                    container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), service);
            assertEquals(
                    "[\"ALL\"]",
                    container.at("/securityContext/capabilities/drop").toString(),
                    service);
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), service);
            assertTrue(container.get("volumeMounts").toString().contains("\"/tmp\""), service + " writes to /tmp only");

            // an autoscaled Deployment leaves its replicas to the autoscaler
            JsonNode autoscaler = documents.stream()
                    .filter(d -> d.path("kind").asText().equals("HorizontalPodAutoscaler")
                            && d.at("/spec/scaleTargetRef/name").asText().equals(service))
                    .findFirst()
                    .orElse(null);
            int replicas;
            if (autoscaler != null) {
                assertTrue(deployment.at("/spec/replicas").isMissingNode(), service + ": the autoscaler sets replicas");
                replicas = autoscaler.at("/spec/maxReplicas").asInt();
            } else {
                replicas =
                        Math.max(deployment.at("/spec/replicas").asInt(), productionReplicas.getOrDefault(service, 0));
            }
            int pool = settingsOf(documents, deployment)
                    .at("/data/QUARKUS_DATASOURCE_JDBC_MAX_SIZE")
                    .asInt();
            String cluster = DATABASES.get(service) + "-db";
            int maxConnections = find(documents, "Cluster", cluster)
                    .at("/spec/postgresql/parameters/max_connections")
                    .asInt();
            // each replica: its pool and the migration's connection; PostgreSQL keeps 3 for superusers and the
            // operator needs a few of its own
            assertTrue(
                    replicas * (pool + 1) <= maxConnections - 10,
                    service + ": " + replicas + " replicas × (" + pool + " + 1) connections against max_connections "
                            + maxConnections);
        }
        JsonNode policy = find(documents, "NetworkPolicy", "district-ledger-services");
        assertTrue(policy.at("/spec/podSelector").toString().contains("project-registry"));
        assertTrue(policy.at("/spec/podSelector").toString().contains("progress-tracker"));
        JsonNode ingress = find(documents, "Ingress", "district-ledger");
        String backends = ingress.at("/spec/rules").toString();
        assertTrue(backends.contains("project-registry") && backends.contains("progress-tracker"), backends);
        assertFalse(ingress.at("/spec/tls").isMissingNode(), "TLS at the ingress");
    }

    @Test
    void kubernetesScrapesBothServicesAndAlertsWithTheRulesPromtoolTests() throws IOException {
        List<JsonNode> monitoring = documents(HOME.resolve("deploy/k8s/base/monitoring.yaml"));
        JsonNode scrape = find(monitoring, "ServiceMonitor", "district-ledger");
        assertEquals("/q/metrics", scrape.at("/spec/endpoints/0/path").asText());
        assertEquals("http", scrape.at("/spec/endpoints/0/port").asText(), "the Services' port name");
        JsonNode rules = find(monitoring, "PrometheusRule", "district-ledger");
        JsonNode tested = new YAMLMapper()
                .readTree(HOME.resolve("deploy/observability/prometheus/alerts.yml")
                        .toFile());
        assertEquals(tested.get("groups"), rules.at("/spec/groups"), "the same rules as alerts.yml");
        JsonNode kustomization = new YAMLMapper()
                .readTree(HOME.resolve("deploy/k8s/base/kustomization.yaml").toFile());
        assertTrue(kustomization.get("resources").toString().contains("monitoring.yaml"));
    }

    @Test
    void theKubernetesManifestsAgreeWithTheServices() throws IOException {
        List<JsonNode> documents = Kustomize.render(HOME.resolve("deploy/k8s/base"));
        for (String service : DATABASES.keySet()) {
            String port = config(service).getProperty("quarkus.http.port");
            JsonNode deployment = find(documents, "Deployment", service);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertEquals(port, container.at("/ports/0/containerPort").asText());
            assertEquals(
                    "/q/health/started",
                    container.at("/startupProbe/httpGet/path").asText());
            assertEquals(
                    "/q/health/ready",
                    container.at("/readinessProbe/httpGet/path").asText());
            assertEquals(
                    "/q/health/live",
                    container.at("/livenessProbe/httpGet/path").asText());
            assertTrue(container.has("resources")
                    && container.at("/resources/limits").has("memory"));
            assertTrue(deployment
                    .at("/spec/template/spec/securityContext/runAsNonRoot")
                    .asBoolean());
            JsonNode configMap = settingsOf(documents, deployment);
            configMap
                    .get("data")
                    .fieldNames()
                    .forEachRemaining(
                            name -> assertTrue(SETTINGS.contains(name), service + ": unknown setting " + name));
            assertTrue(
                    configMap.get("data").has("QUARKUS_OIDC_AUTH_SERVER_URL"),
                    service + " names its identity provider");
            assertEquals(port, configMap.at("/data/QUARKUS_HTTP_PORT").asText());
            String jdbc = configMap.at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText();
            String cluster = DATABASES.get(service) + "-db";
            assertEquals("jdbc:postgresql://" + cluster + "-rw:5432/" + DATABASES.get(service), jdbc);
            assertEquals(
                    DATABASES.get(service),
                    find(documents, "Cluster", cluster)
                            .at("/spec/bootstrap/initdb/database")
                            .asText());
            assertEquals(
                    cluster + "-runtime",
                    env(container, "QUARKUS_DATASOURCE_USERNAME")
                            .at("/valueFrom/secretKeyRef/name")
                            .asText(),
                    "runs as the cluster's runtime role");
            assertEquals(
                    cluster + "-app",
                    env(container, "LEDGER_MIGRATION_USERNAME")
                            .at("/valueFrom/secretKeyRef/name")
                            .asText(),
                    "migrates as the owner, from the operator's secret");
            assertTrue(
                    env(container, "LEDGER_SESSION_SECRET")
                            .at("/valueFrom/secretKeyRef/name")
                            .isTextual(),
                    "the pages' session secret from a Secret, the same for every replica");
            assertEquals(
                    service,
                    env(container, "KAFKA_SASL_JAAS_CONFIG")
                            .at("/valueFrom/secretKeyRef/name")
                            .asText(),
                    "signs in to Kafka as its own KafkaUser");
            assertEquals(
                    port,
                    find(documents, "Service", service).at("/spec/ports/0/port").asText());
            assertNotNull(find(documents, "PodDisruptionBudget", service));
        }
        JsonNode hpa = find(documents, "HorizontalPodAutoscaler", "progress-tracker");
        int partitions = LedgerTopics.ALL.stream()
                .filter(t -> t.name().equals("ledger.project-events"))
                .findFirst()
                .orElseThrow()
                .partitions();
        assertTrue(
                hpa.at("/spec/maxReplicas").asInt() <= partitions, "no more tracker replicas than partitions to share");
        Map<String, String[]> topics = new HashMap<>();
        for (JsonNode topic : documents) {
            if (topic.path("kind").asText().equals("KafkaTopic")) {
                assertEquals(3, topic.at("/spec/replicas").asInt(), "replication factor 3");
                assertEquals("2", topic.at("/spec/config/min.insync.replicas").asText());
                topics.put(topic.at("/spec/topicName").asText(), new String[] {
                    topic.at("/spec/partitions").asText(),
                    topic.at("/spec/config/retention.ms").asText()
                });
            }
        }
        assertTopics(topics);
        JsonNode production = new YAMLMapper()
                .readTree(HOME.resolve("deploy/k8s/overlays/production/kustomization.yaml")
                        .toFile());
        assertEquals("../../base", production.get("resources").get(0).asText());
    }

    private static void assertTopics(Map<String, String[]> declared) {
        assertEquals(LedgerTopics.ALL.size(), declared.size(), "the same topics as LedgerTopics: " + declared.keySet());
        for (LedgerTopics.Topic topic : LedgerTopics.ALL) {
            String[] found = declared.get(topic.name());
            assertNotNull(found, topic.name());
            assertEquals(String.valueOf(topic.partitions()), found[0], topic.name() + " partitions");
            assertEquals(topic.retentionMs(), found[1], topic.name() + " retention");
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Reader reader = Files.newBufferedReader(file)) {
            var parser = new YAMLFactory().createParser(reader);
            var values = yaml.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !(document instanceof ArrayNode)) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    @Test
    void kafkaIdentitiesAreTheSameInTheLocalStackComposeAndKubernetes() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (AclBinding acl : KafkaIdentities.acls()) {
            expected.add(acl(
                    acl.entry().principal(),
                    acl.pattern().resourceType().name(),
                    acl.pattern().name(),
                    acl.pattern().patternType().name(),
                    acl.entry().operation().name()));
        }

        JsonNode compose =
                new YAMLMapper().readTree(HOME.resolve("docker-compose.yml").toFile());
        String init = compose.at("/services/kafka-init/command/0").asText();
        Set<String> composed = new TreeSet<>();
        Matcher line = Pattern.compile(
                        "--allow-principal (User:\\S+) ((?:--operation \\S+ )+)--(topic|group) (\\S+) --resource-pattern-type (\\S+)")
                .matcher(init);
        while (line.find()) {
            for (String operation :
                    line.group(2).replace("--operation", "").trim().split("\\s+")) {
                composed.add(acl(line.group(1), line.group(3), line.group(4), line.group(5), operation));
            }
        }
        assertEquals(expected, composed, "docker-compose.yml's ACLs are KafkaIdentities'");
        for (KafkaIdentities.Identity identity : KafkaIdentities.ALL) {
            assertTrue(
                    init.contains(
                            "--entity-type users --entity-name " + identity.name() + " --add-config \"SCRAM-SHA-512="),
                    "compose makes the SCRAM user " + identity.name());
        }
        assertFalse(
                compose.at("/services/kafka/environment/KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")
                        .asText()
                        .contains(":PLAINTEXT"),
                "no listener lets anyone in");

        Set<String> declared = new TreeSet<>();
        Set<String> users = new TreeSet<>();
        for (JsonNode user : documents(HOME.resolve("deploy/k8s/base/kafka.yaml"))) {
            if (!user.path("kind").asText().equals("KafkaUser")) {
                continue;
            }
            String name = user.at("/metadata/name").asText();
            users.add(name);
            assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText());
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                for (JsonNode operation : acl.get("operations")) {
                    declared.add(acl(
                            "User:" + name,
                            acl.at("/resource/type").asText(),
                            acl.at("/resource/name").asText(),
                            acl.at("/resource/patternType").asText().equals("prefix") ? "prefixed" : "literal",
                            operation.asText()));
                }
            }
        }
        assertEquals(expected, declared, "the KafkaUsers' ACLs are KafkaIdentities'");
        assertEquals(
                new TreeSet<>(KafkaIdentities.ALL.stream()
                        .map(KafkaIdentities.Identity::name)
                        .toList()),
                users);
    }

    private static String acl(String principal, String type, String name, String pattern, String operation) {
        return String.join("|", principal, type, name, pattern, operation).toLowerCase(Locale.ROOT);
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no " + name + " in " + container.path("env"));
    }

    @Test
    void aChangedSettingRollsThePods(@TempDir Path copy) throws IOException {
        Path k8s = Kustomize.copy(HOME.resolve("deploy/k8s"), copy);
        List<JsonNode> before = Kustomize.render(k8s.resolve("overlays/production"));
        Files.writeString(
                k8s.resolve("base/progress-tracker.env"), "QUARKUS_LOG_LEVEL=DEBUG\n", StandardOpenOption.APPEND);
        List<JsonNode> after = Kustomize.render(k8s.resolve("overlays/production"));
        for (String service : DATABASES.keySet()) {
            JsonNode was = find(before, "Deployment", service).at("/spec/template");
            JsonNode is = find(after, "Deployment", service).at("/spec/template");
            String settings = settingsOf(after, find(after, "Deployment", service))
                    .at("/metadata/name")
                    .asText();
            assertTrue(settings.startsWith(service + "-"), "a generated ConfigMap, named by its content: " + settings);
            if (service.equals("progress-tracker")) {
                assertNotEquals(was, is, "the tracker's pod template changes with its settings: its pods roll");
            } else {
                assertEquals(was, is, "the registry's pods stay");
            }
        }
    }

    /** The ConfigMap a Deployment's container takes its settings from. */
    private static JsonNode settingsOf(List<JsonNode> documents, JsonNode deployment) {
        String name = deployment
                .at("/spec/template/spec/containers/0/envFrom/0/configMapRef/name")
                .asText();
        return find(documents, "ConfigMap", name);
    }

    private static JsonNode find(List<JsonNode> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText())
                        && name.equals(d.at("/metadata/name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Properties config(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                Files.newBufferedReader(HOME.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }
}
