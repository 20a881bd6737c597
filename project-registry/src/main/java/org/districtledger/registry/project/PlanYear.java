package org.districtledger.registry.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A plan year (计划年度) of the ledger: open while the office works in it, closed once rolled over into the next
 * (年度结转), with its summary and ledger workbook kept as they stood then.
 */
@Entity
@Table(name = "plan_year")
public class PlanYear extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    @Id
    public int year;

    public String status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    /** The year's ledger summary (JSON) as it stood when the year closed. */
    public String summary;

    /** The year's ledger workbook (.xlsx) as it stood when the year closed. */
    public byte[] ledger;

    /** The year the office works in, if a project has opened one. */
    public static Optional<PlanYear> open() {
        return PlanYear.<PlanYear>find("status", OPEN).firstResultOptional();
    }

    /** Rolled over: its projects' plans for it are kept as they closed. */
    /** The years rolled over, read once by work that checks many plans at a time (an import). */
    public static Set<Integer> closedYears() {
        return Set.copyOf(PlanYear.getEntityManager()
                .createQuery("select p.year from PlanYear p where p.status = :closed", Integer.class)
                .setParameter("closed", CLOSED)
                .getResultList());
    }

    public static boolean isClosed(Integer year) {
        return year != null && PlanYear.count("year = ?1 and status = ?2", year, CLOSED) > 0;
    }

    /** Why a plan of a closed year cannot be written, in the office's words and in English. */
    public static String closedReason(int year) {
        return "计划年度 " + year + " 已结转，其年度计划不再变更 / plan year " + year + " is closed (rolled over)";
    }
}
