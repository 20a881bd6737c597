package org.districtledger.tracker.flag;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Open flags by colour and rule ({@code ledger_flags_open}, every pair, 0 included), counted again every 10 seconds. */
@ApplicationScoped
public class FlagMetrics {

    private static final Logger LOG = Logger.getLogger(FlagMetrics.class);

    private final Map<String, AtomicLong> open = new HashMap<>();
    private volatile boolean failing;

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        for (Colour colour : Colour.values()) {
            for (Rule rule : Rule.values()) {
                AtomicLong count = new AtomicLong();
                open.put(colour.name() + "/" + rule.name(), count);
                Gauge.builder("ledger.flags.open", count, AtomicLong::get)
                        .description("Open flags, by colour and rule")
                        .tag("colour", colour.name())
                        .tag("rule", rule.name())
                        .register(registry);
            }
        }
    }

    @Scheduled(every = "10s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        try {
            List<Object[]> rows = QuarkusTransaction.requiringNew()
                    .call(() -> Flag.getEntityManager()
                            .createQuery(
                                    "select f.colour, f.rule, count(f) from Flag f where f.state = :state"
                                            + " group by f.colour, f.rule",
                                    Object[].class)
                            .setParameter("state", Flag.State.OPEN)
                            .getResultList());
            Map<String, Long> counted = new HashMap<>();
            for (Object[] row : rows) {
                counted.put(((Colour) row[0]).name() + "/" + ((Rule) row[1]).name(), ((Number) row[2]).longValue());
            }
            open.forEach((key, count) -> count.set(counted.getOrDefault(key, 0L)));
            LOG.debugf("Open flags counted: %s", counted);
            failing = false;
        } catch (RuntimeException unreachable) {
            if (!failing) {
                LOG.warnf("Open flags not counted for now (the last counts stay): %s", unreachable.getMessage());
                failing = true;
            }
        }
    }
}
