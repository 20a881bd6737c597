package org.districtledger.tracker.flag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The version each rule's definition (its logic and thresholds, {@link Rule#definition}) has: 1 for the first one
 * the district used, the next number whenever the logic or a threshold changes. Kept in {@code rule_version}
 * (append-only), so that every replica and every restart with the same settings gives the same number, and a flag's
 * version says which definition computed it.
 */
@ApplicationScoped
public class RuleVersions {

    /** A rule's definition and its version, with when it was first used. */
    public record RuleVersionView(
            Rule rule, String label, int version, String definition, Instant firstUsed, boolean current) {}

    private final FlagSettings settings;
    private final EntityManager entityManager;
    private final Map<Rule, Integer> current = new ConcurrentHashMap<>();

    public RuleVersions(FlagSettings settings, EntityManager entityManager) {
        this.settings = settings;
        this.entityManager = entityManager;
    }

    /** The version of the rule's definition under this service's settings (registered on first use). */
    public int of(Rule rule) {
        Integer known = current.get(rule);
        if (known != null) {
            return known;
        }
        int version = register(rule, rule.definition(settings));
        current.put(rule, version);
        return version;
    }

    /** The version of a definition of a rule: the one it was given, or the next, registered now in a transaction of its own. */
    public int register(Rule rule, String definition) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // replicas starting together with new settings take turns
            entityManager
                    .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('rule_version'))")
                    .getSingleResult();
            List<?> found = entityManager
                    .createNativeQuery("SELECT version FROM rule_version WHERE rule = ?1 AND definition = ?2")
                    .setParameter(1, rule.name())
                    .setParameter(2, definition)
                    .getResultList();
            if (!found.isEmpty()) {
                return ((Number) found.get(0)).intValue();
            }
            int next = ((Number) entityManager
                            .createNativeQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM rule_version WHERE rule = ?1")
                            .setParameter(1, rule.name())
                            .getSingleResult())
                    .intValue();
            entityManager
                    .createNativeQuery(
                            "INSERT INTO rule_version (rule, version, definition, first_used) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, rule.name())
                    .setParameter(2, next)
                    .setParameter(3, definition)
                    .setParameter(4, OffsetDateTime.now())
                    .executeUpdate();
            return next;
        });
    }

    /** Every version of every rule, the ones in use now marked. */
    public List<RuleVersionView> all() {
        Arrays.stream(Rule.values()).forEach(this::of);
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "SELECT rule, version, definition, first_used FROM rule_version ORDER BY rule, version",
                                Object[].class)
                        .getResultList()
                        .stream()
                        .map(row -> {
                            Object[] r = (Object[]) row;
                            Rule rule = Rule.valueOf((String) r[0]);
                            int version = ((Number) r[1]).intValue();
                            return new RuleVersionView(
                                    rule,
                                    rule.label(),
                                    version,
                                    (String) r[2],
                                    toInstant(r[3]),
                                    current.get(rule) == version);
                        })
                        .toList());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
