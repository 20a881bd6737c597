package org.districtledger.registry.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A project's plan for one year: its annual planned investment (万元) and target. The plan of the project's plan year
 * is kept with the project by the database (a trigger); a rollover adds the next year's and keeps the closed one's.
 */
@Entity
@Table(name = "project_year_plan")
public class ProjectYearPlan extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "project_id") long projectId,
            @Column(name = "plan_year") int planYear) implements Serializable {}

    @EmbeddedId
    public Key id;

    @Column(name = "annual_plan_investment")
    public BigDecimal annualPlanInvestment;

    /** 年度建设目标: what the project is to achieve in the year, in the office's words. */
    @Column(name = "annual_target")
    public String annualTarget;

    /** Carried over from the year before (结转). */
    @Column(name = "carried_over")
    public boolean carriedOver;
}
