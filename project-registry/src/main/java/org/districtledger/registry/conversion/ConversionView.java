package org.districtledger.registry.conversion;

import org.districtledger.contract.Pool;

import java.time.Instant;
import java.time.LocalDate;

/** A conversion as the API and the events show it. */
public record ConversionView(
        long id,
        String projectCode,
        Pool from,
        Pool to,
        LocalDate date,
        String reason,
        String convertedBy,
        Instant recordedAt) {

    static ConversionView of(Conversion c, String projectCode) {
        return new ConversionView(
                c.id, projectCode, c.fromPool, c.toPool, c.convertedOn, c.reason, c.convertedBy, c.recordedAt);
    }
}
