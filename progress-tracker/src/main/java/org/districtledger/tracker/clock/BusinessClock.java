package org.districtledger.tracker.clock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The date the rules and the weekly view work as of: today in the district's time zone, unless it has been
 * set ("as of" a date) for a meeting, a simulation or a test. The setting lives in the database, so that
 * every replica of the tracker agrees on it.
 */
@ApplicationScoped
public class BusinessClock {

    private final EntityManager entityManager;
    private final ZoneId zone;
    private final Event<ClockMoved> moved;

    public BusinessClock(
            EntityManager entityManager,
            @ConfigProperty(name = "ledger.clock.zone", defaultValue = "Asia/Shanghai") ZoneId zone,
            Event<ClockMoved> moved) {
        this.entityManager = entityManager;
        this.zone = zone;
        this.moved = moved;
    }

    /** The business date. */
    @Transactional
    public LocalDate today() {
        return setDate().orElseGet(() -> LocalDate.now(zone));
    }

    /** The district's time zone, which turns instants into business dates. */
    public ZoneId zone() {
        return zone;
    }

    /** The district's date of an instant (when something happened, as the calendar had it). */
    public LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The date the clock was set to, if it was. */
    @Transactional
    public Optional<LocalDate> setDate() {
        Object asOf = entityManager
                .createNativeQuery("SELECT as_of FROM business_clock WHERE id = 1")
                .getSingleResult();
        return Optional.ofNullable(asOf)
                .map(value -> value instanceof Date date ? date.toLocalDate() : (LocalDate) value);
    }

    /**
     * Sets the clock to a date, or back to today with {@code null}, in a transaction of its own that also keeps who did
     * it in {@code clock_change}; once that has
     * committed, announces {@link ClockMoved} (the flag rules then look at every project as of the new date).
     */
    public void set(LocalDate asOf, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("UPDATE business_clock SET as_of = ?1 WHERE id = 1")
                    .setParameter(1, asOf)
                    .executeUpdate();
            // audited: who worked "as of" which day, and when (clock_change is append-only)
            entityManager
                    .createNativeQuery("INSERT INTO clock_change (as_of, changed_by, changed_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, asOf)
                    .setParameter(2, actor)
                    .setParameter(3, OffsetDateTime.now())
                    .executeUpdate();
        });
        moved.fire(new ClockMoved(today()));
    }
}
