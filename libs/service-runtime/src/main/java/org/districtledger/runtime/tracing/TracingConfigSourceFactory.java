package org.districtledger.runtime.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns tracing on when an OTLP collector is named ({@code LEDGER_OTLP_ENDPOINT}, e.g. {@code http://collector:4317})
 * and leaves the OpenTelemetry SDK off otherwise: no exporter knocking at a collector that is not there, no span made.
 * An operator's own {@code QUARKUS_OTEL_*} settings come before these.
 */
public class TracingConfigSourceFactory implements ConfigSourceFactory {

    static final String ENDPOINT = "ledger.otlp.endpoint";

    /** Below application.properties (250) and the environment (300), above the shared defaults (100). */
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue endpoint = context.getValue(ENDPOINT);
        String url = endpoint == null ? null : endpoint.getValue();
        Map<String, String> settings = url == null || url.isBlank()
                ? Map.of("quarkus.otel.sdk.disabled", "true")
                : Map.of(
                        "quarkus.otel.sdk.disabled",
                        "false",
                        "quarkus.otel.exporter.otlp.traces.endpoint",
                        url.strip());
        return List.of(new PropertiesConfigSource(settings, "ledger tracing (" + ENDPOINT + ")", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
