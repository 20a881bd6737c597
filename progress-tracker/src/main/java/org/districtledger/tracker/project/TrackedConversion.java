package org.districtledger.tracker.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** A project's move from one pool to another (项目转化), keyed by the sequence number of its event. */
@Entity
@Table(name = "tracked_conversion")
public class TrackedConversion extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "project_code") String projectCode,
            @Column(name = "sequence") long sequence) implements Serializable {}

    @EmbeddedId
    public Key id;

    @Column(name = "from_pool")
    public String fromPool;

    @Column(name = "to_pool")
    public String toPool;

    @Column(name = "converted_on")
    public LocalDate convertedOn;

    /** Forward by one pool (谋划→储备→预备→建设), the move the district counts as a conversion. */
    @Column(name = "forward_by_one")
    public boolean forwardByOne;
}
