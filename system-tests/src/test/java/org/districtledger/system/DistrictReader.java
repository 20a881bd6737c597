package org.districtledger.system;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.HashMap;
import java.util.Map;

/** Reads the ledger's topics as another district system does: its read-only identity, from the start, a group of its own. */
final class DistrictReader {

    private DistrictReader() {}

    /**
     * A consumer signed in with {@code signIn} (the district-reader identity's client settings, and the bootstrap
     * servers) in the group {@code district-reader-<group>}.
     */
    static KafkaConsumer<String, String> consumer(Map<String, Object> signIn, String group) {
        Map<String, Object> config = new HashMap<>(signIn);
        config.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "district-reader-" + group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()));
        return new KafkaConsumer<>(config);
    }
}
