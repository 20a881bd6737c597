package org.districtledger.registry.conversion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.districtledger.contract.Pool;

import java.time.Instant;
import java.time.LocalDate;

/** One move of a project between pools: when, why and by whom. */
@Entity
@Table(name = "conversion")
public class Conversion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public Long projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_pool")
    public Pool fromPool;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_pool")
    public Pool toPool;

    @Column(name = "converted_on")
    public LocalDate convertedOn;

    public String reason;

    @Column(name = "converted_by")
    public String convertedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
