package org.districtledger.registry.problem;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What someone wrote on a problem while it waited (append-only). */
@Entity
@Table(name = "problem_comment")
public class ProblemComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "problem_id")
    public Long problemId;

    public String body;

    public String author;

    @Column(name = "written_at")
    public Instant writtenAt;
}
