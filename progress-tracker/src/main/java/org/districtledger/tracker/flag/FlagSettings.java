package org.districtledger.tracker.flag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import java.math.BigDecimal;

/**
 * The thresholds of the flag rules ({@code ledger.flags.*}); the defaults are those of the domain brief.
 * Values that make no sense stop the service at start, naming the key (see {@link FlagSettingsCheck}).
 */
@ConfigMapping(prefix = "ledger.flags")
public interface FlagSettings {

    /** When the rules run for every project (a Quartz-style cron), besides whenever events arrive. */
    @WithDefault("0 10 0 * * ?")
    String schedule();

    StalledStart stalledStart();

    Silent silent();

    LaggingInvestment laggingInvestment();

    StuckConversion stuckConversion();

    OverdueProcedure overdueProcedure();

    LateCompletion lateCompletion();

    KeyConversion keyConversion();

    Accountability accountability();

    /** 未按期开工: days past the planned start without a start milestone. */
    interface StalledStart {
        @WithDefault("14")
        @Min(0)
        int yellowDays();

        @WithDefault("30")
        @Min(0)
        int redDays();
    }

    /** 长期未报: whole weeks without a weekly report, for projects in BUILDING or PREPARING. */
    interface Silent {
        @WithDefault("2")
        @Min(1)
        int yellowWeeks();

        @WithDefault("4")
        @Min(1)
        int redWeeks();
    }

    /** 投资滞后: investment completed in the plan year below a share of the time-proportional annual plan. */
    interface LaggingInvestment {
        @WithDefault("0.80")
        @DecimalMin("0")
        @DecimalMax("1")
        BigDecimal yellowBelow();

        @WithDefault("0.50")
        @DecimalMin("0")
        @DecimalMax("1")
        BigDecimal redBelow();

        /** Days into the plan year before the rule applies: early in January every plan is "behind". */
        @WithDefault("28")
        @Min(0)
        int graceDays();
    }

    /** 转化停滞: days in a pool before the project should have moved on. */
    interface StuckConversion {
        @WithDefault("365")
        @Min(1)
        int planningYellowDays();

        @WithDefault("540")
        @Min(1)
        int planningRedDays();

        @WithDefault("270")
        @Min(1)
        int reserveYellowDays();

        @WithDefault("365")
        @Min(1)
        int reserveRedDays();

        @WithDefault("180")
        @Min(1)
        int preparingYellowDays();

        @WithDefault("270")
        @Min(1)
        int preparingRedDays();
    }

    /** 手续超期: days past a permit's target date while it is not done. */
    interface OverdueProcedure {
        @WithDefault("1")
        @Min(1)
        int yellowDays();

        @WithDefault("30")
        @Min(1)
        int redDays();
    }

    /** 逾期未竣工: days past the planned completion of a project under construction that has not completed. */
    interface LateCompletion {
        @WithDefault("1")
        @Min(1)
        int yellowDays();

        @WithDefault("90")
        @Min(1)
        int redDays();
    }

    /** 重点转化逾期: days past a key conversion project's target date without reaching its target pool. */
    interface KeyConversion {
        @WithDefault("1")
        @Min(1)
        int yellowDays();

        @WithDefault("30")
        @Min(1)
        int redDays();
    }

    /** 包联: which projects need one leader and one task force, and how long one may be missing. */
    interface Accountability {
        /** 万元: an annual plan over this needs an assignment (1亿元). */
        @WithDefault("10000")
        @DecimalMin("0")
        BigDecimal annualPlanOver();

        /** 万元: a key conversion project with a total over this needs one (10亿元). */
        @WithDefault("100000")
        @DecimalMin("0")
        BigDecimal keyConversionTotalOver();

        /** Days a needed assignment may be missing before the flag turns red. */
        @WithDefault("14")
        @Min(0)
        int redDays();
    }
}
