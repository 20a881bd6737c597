package org.districtledger.tracker.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** A permit of a project, as of the latest procedure-updated event. */
@Entity
@Table(name = "tracked_procedure")
public class TrackedProcedure extends PanacheEntityBase {

    /** The project and the permit type. */
    @Embeddable
    public record Key(
            @Column(name = "project_code") String projectCode,
            @Column(name = "type") String type) implements Serializable {}

    @EmbeddedId
    public Key id;

    /** The permit's name, e.g. 施工许可证. */
    public String label;

    public String status;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @Column(name = "done_date")
    public LocalDate doneDate;
}
