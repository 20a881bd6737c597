package org.districtledger.registry.procedure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.districtledger.contract.ProcedureStatus;
import org.districtledger.contract.ProcedureType;

import java.time.Instant;
import java.time.LocalDate;

/** One permit on a project's checklist. */
@Entity
@Table(name = "procedure_item")
public class ProcedureItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    @Enumerated(EnumType.STRING)
    public ProcedureType type;

    @Enumerated(EnumType.STRING)
    public ProcedureStatus status;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @Column(name = "done_date")
    public LocalDate doneDate;

    /** The approving authority. */
    public String authority;

    @Column(name = "approval_number")
    public String approvalNumber;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
