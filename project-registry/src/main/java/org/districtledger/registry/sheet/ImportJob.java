package org.districtledger.registry.sheet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An import of a ledger file, running or finished, with its progress. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    /** Where the job stands. */
    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "rows_total")
    public int rowsTotal;

    @Column(name = "rows_done")
    public int rowsDone;

    public int created;

    public int updated;

    public int unchanged;

    public String failure;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
