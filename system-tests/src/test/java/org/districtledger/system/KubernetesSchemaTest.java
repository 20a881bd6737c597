package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kustomize base and overlays, rendered as a cluster would get them, validate against the current releases' CRD
 * schemas kept in deploy/k8s/schemas (Strimzi, CloudNativePG and its Barman Cloud plugin, the Prometheus Operator):
 * each custom resource is of a version the operator serves, and has only fields that version defines, of the types
 * it defines; no cluster needed. As the API server's strict field validation does, a field the schema does not know
 * is an error, not pruned.
 */
class KubernetesSchemaTest {

    private static final Path K8S = ChildProcess.home().resolve("deploy/k8s");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void everyCustomResourceIsOfAServedVersionAndPassesItsSchema(String kustomization) throws IOException {
        Map<String, JsonSchema> schemas = schemas();
        List<String> kafkaVersions = kafkaVersions();
        Set<String> groups = new TreeSet<>();
        schemas.keySet().forEach(key -> groups.add(key.substring(0, key.indexOf('/'))));
        List<String> problems = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (JsonNode resource : Kustomize.render(K8S.resolve(kustomization))) {
            String apiVersion = resource.path("apiVersion").asText();
            String kind = resource.path("kind").asText();
            String name = kind + " " + resource.at("/metadata/name").asText();
            int slash = apiVersion.indexOf('/');
            if (slash < 0 || !groups.contains(apiVersion.substring(0, slash))) {
                continue; // a built-in kind
            }
            JsonSchema schema = schemas.get(apiVersion + "/" + kind);
            if (schema == null) {
                problems.add(name + ": " + apiVersion + " is not served for " + kind + " (served: "
                        + schemas.keySet().stream()
                                .filter(k -> k.endsWith("/" + kind))
                                .toList()
                        + ")");
                continue;
            }
            for (ValidationMessage message : schema.validate(resource)) {
                problems.add(name + ": " + message.getMessage());
            }
            String kafkaVersion = resource.at("/spec/kafka/version").asText();
            if (kind.equals("Kafka") && !kafkaVersions.contains(kafkaVersion)) {
                problems.add(name + ": Kafka " + kafkaVersion + " is not a version this Strimzi release supports "
                        + kafkaVersions);
            }
            checked.add(apiVersion + "/" + kind);
        }
        assertEquals(List.of(), problems, kustomization + " against the CRDs' schemas");
        assertTrue(
                checked.containsAll(Set.of(
                        "kafka.strimzi.io/v1/Kafka",
                        "kafka.strimzi.io/v1/KafkaNodePool",
                        "kafka.strimzi.io/v1/KafkaTopic",
                        "kafka.strimzi.io/v1/KafkaUser",
                        "postgresql.cnpg.io/v1/Cluster",
                        "postgresql.cnpg.io/v1/ScheduledBackup",
                        "barmancloud.cnpg.io/v1/ObjectStore",
                        "monitoring.coreos.com/v1/ServiceMonitor",
                        "monitoring.coreos.com/v1/PrometheusRule")),
                "checked: " + checked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void theSchemasCatchAFieldTheyDoNotDefine(String kustomization) throws IOException {
        Map<String, JsonSchema> schemas = schemas();
        JsonNode kafka = Kustomize.render(K8S.resolve(kustomization)).stream()
                .filter(resource -> resource.path("kind").asText().equals("Kafka"))
                .findFirst()
                .orElseThrow();
        ObjectNode old = kafka.deepCopy();
        // v1beta2's way of choosing KRaft and resources, gone from v1
        ((ObjectNode) old.at("/spec/kafka")).putObject("resources").put("cpu", "2");
        assertTrue(
                !schemas.get("kafka.strimzi.io/v1/Kafka").validate(old).isEmpty(),
                "spec.kafka.resources is not a v1 field");
    }

    /** The Kafka versions the vendored Strimzi release supports. */
    private static List<String> kafkaVersions() throws IOException {
        List<String> versions = new ArrayList<>();
        JSON.readTree(K8S.resolve("schemas/strimzi-kafka-versions.json").toFile())
                .get("supported")
                .forEach(version -> versions.add(version.asText()));
        return versions;
    }

    /** The vendored schemas by apiVersion/kind, made strict: an object that names its properties admits no others. */
    private static Map<String, JsonSchema> schemas() throws IOException {
        Map<String, JsonSchema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(K8S.resolve("schemas"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                ObjectNode schema = (ObjectNode) JSON.readTree(file.toFile());
                JsonNode served = schema.remove("x-served");
                if (served == null) {
                    continue; // not a CRD's schema (the Kafka versions Strimzi supports)
                }
                schema.remove("$comment");
                strict(schema);
                schemas.put(
                        served.get("group").asText() + "/"
                                + served.get("version").asText() + "/"
                                + served.get("kind").asText(),
                        FACTORY.getSchema(schema));
            }
        }
        return schemas;
    }

    /** Walks a schema by its keywords, so that a field named like a keyword (a property "properties") is not one. */
    private static void strict(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.has("properties")
                && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            schema.set("additionalProperties", BooleanNode.FALSE);
        }
        schema.path("properties").forEach(KubernetesSchemaTest::strict);
        schema.path("patternProperties").forEach(KubernetesSchemaTest::strict);
        strict(schema.path("items"));
        strict(schema.path("additionalProperties"));
        strict(schema.path("not"));
        for (String combined : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combined).forEach(KubernetesSchemaTest::strict);
        }
    }
}
