package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Moves the tracker's business clock behind a simulation, week by week, once the tracker has applied every
 * event the registry has published: so flags are raised, escalated and cleared on the days they would have been,
 * and the weekly view of a past week shows that week as it was.
 */
public final class TrackerClock {

    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    private final RegistryClient registry;
    private final RegistryClient tracker;

    public TrackerClock(URI registry, URI tracker) {
        this.registry = RegistryClient.asOffice(registry);
        this.tracker = RegistryClient.asOffice(tracker);
    }

    /** Waits until the tracker has caught up with the registry, then sets its clock to the day (and so runs the rules). */
    public void moveTo(LocalDate day) throws InterruptedException {
        awaitCaughtUp();
        tracker.send("PUT", "/api/v1/clock", "{\"asOf\": \"" + day + "\"}", 200);
    }

    /** Waits until every project's latest event in the registry is the latest the tracker has applied. */
    public void awaitCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long published = total(registry, "sequence");
        while (total(tracker, "lastSequence") < published) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tracker has not applied the registry's events within "
                        + CATCH_UP.toMinutes() + " minutes: is it running and connected to Kafka?");
            }
            Thread.sleep(200);
        }
    }

    /** The sum over all projects of their latest sequence number, as a service lists them. */
    private static long total(RegistryClient service, String field) {
        long total = 0;
        for (int page = 0; ; page++) {
            JsonNode found = service.get("/api/v1/projects?size=500&page=" + page);
            for (JsonNode project : found.get("items")) {
                total += project.get(field).asLong();
            }
            if ((page + 1) * 500 >= found.get("total").asLong()) {
                return total;
            }
        }
    }
}
