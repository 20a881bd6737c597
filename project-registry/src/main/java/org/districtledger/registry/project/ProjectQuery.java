package org.districtledger.registry.project;

import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.districtledger.contract.CityCategory;
import org.districtledger.contract.Pool;
import org.districtledger.runtime.HttpProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The filters, sorting and paging of the project list (and of the ledger export). */
public class ProjectQuery {

    private static final Map<String, String> SORTABLE = Map.of(
            "code", "code",
            "name", "name",
            "pool", "pool",
            "town", "town",
            "industryChain", "industryChain",
            "totalInvestment", "totalInvestment",
            "annualPlanInvestment", "annualPlanInvestment",
            "plannedStart", "plannedStart");

    @QueryParam("pool")
    public Pool pool;

    @QueryParam("cityCategory")
    public CityCategory cityCategory;

    @QueryParam("chain")
    @Size(max = 64)
    public String chain;

    @QueryParam("town")
    @Size(max = 64)
    public String town;

    @QueryParam("leadDepartment")
    @Size(max = 100)
    public String leadDepartment;

    /** Annual plan investment at least this many 万元. */
    @QueryParam("annualPlanAtLeast")
    @DecimalMin("0")
    @Digits(integer = 12, fraction = 2)
    public BigDecimal annualPlanAtLeast;

    /** Text in the project's name. */
    @QueryParam("q")
    @Size(max = 100)
    public String text;

    /** A field to sort by, {@code -} in front for descending; the ledger code breaks ties. */
    @QueryParam("sort")
    @DefaultValue("code")
    @Pattern(regexp = "-?[A-Za-z]+", message = "must be a field name, with - in front for descending")
    public String sort;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(100_000)
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    public int size;

    /** The HQL condition and its parameters. */
    record Condition(String where, Map<String, Object> parameters) {}

    Condition condition() {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        add(clauses, parameters, "pool", pool);
        add(clauses, parameters, "cityCategory", cityCategory);
        add(clauses, parameters, "industryChain", chain);
        add(clauses, parameters, "town", town);
        add(clauses, parameters, "leadDepartment", leadDepartment);
        if (annualPlanAtLeast != null) {
            clauses.add("annualPlanInvestment >= :annualPlanAtLeast");
            parameters.put("annualPlanAtLeast", annualPlanAtLeast);
        }
        if (text != null && !text.isBlank()) {
            clauses.add("lower(name) like :text escape '\\'");
            parameters.put(
                    "text",
                    "%"
                            + text.strip()
                                    .toLowerCase()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        return new Condition(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
    }

    Sort sorting() {
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        String column = SORTABLE.get(field);
        if (column == null) {
            throw HttpProblemException.invalidField(
                    "sort", "cannot sort by " + field + "; one of " + SORTABLE.keySet());
        }
        Sort order = Sort.by(column, descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        return column.equals("code") ? order : order.and("code");
    }

    private static void add(List<String> clauses, Map<String, Object> parameters, String field, Object value) {
        if (value != null) {
            clauses.add(field + " = :" + field);
            parameters.put(field, value);
        }
    }
}
