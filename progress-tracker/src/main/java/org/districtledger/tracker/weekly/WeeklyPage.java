package org.districtledger.tracker.weekly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.Pool;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.districtledger.runtime.web.HtmlPage;
import org.districtledger.tracker.project.ReadModel;
import org.districtledger.tracker.project.TimelineEntry;
import org.districtledger.tracker.project.TrackedProject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The weekly scheduling page (周调度) that leaders open, print or project, and each project's timeline page. */
@Path("/weekly")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "weekly")
@HtmlPage
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class WeeklyPage {

    /** The pools a leader may filter by, in the order of the funnel and then the rest. */
    static final List<String> POOLS =
            Arrays.stream(Pool.values()).map(Pool::name).toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance weekly(
                String title,
                WeeklySchedule report,
                WeeklyService.Filter filter,
                WeeklyService.FilterChoices choices,
                List<String> pools,
                String previousWeek,
                String nextWeek,
                String query,
                String chartData,
                String user);

        static native TemplateInstance timeline(
                String title, TrackedProject project, List<TimelineEntry> entries, String backWeek);
    }

    private final WeeklyService weekly;
    private final ReadModel readModel;
    private final ObjectMapper json;
    private final String title;
    private final CurrentUser user;

    public WeeklyPage(
            WeeklyService weekly,
            ReadModel readModel,
            ObjectMapper json,
            @ConfigProperty(name = "ledger.weekly.title") String title,
            CurrentUser user) {
        this.weekly = weekly;
        this.readModel = readModel;
        this.json = json;
        this.title = title;
        this.user = user;
    }

    @GET
    @Operation(summary = "The weekly scheduling page, in Chinese; the week of the business clock unless one is picked")
    public TemplateInstance page(
            @QueryParam("week") @Size(max = 8) String week,
            @QueryParam("leader") @Size(max = 50) String leader,
            @QueryParam("town") @Size(max = 64) String town,
            @QueryParam("chain") @Size(max = 64) String chain,
            @QueryParam("pool") @Size(max = 16) String pool,
            @QueryParam("cityCategory") @Size(max = 24) String cityCategory,
            @Context UriInfo uri)
            throws JsonProcessingException {
        IsoWeek picked = blank(week) == null ? weekly.currentWeek() : IsoWeek.parse(week, "week");
        // a leader who opens the page without picking one sees his own projects; 全部领导 (leader=) shows everyone's.
        // Quarkus REST hands an empty parameter over as null, so "picked none" is read from the query itself.
        boolean leaderPicked = uri.getQueryParameters().containsKey("leader");
        String leaderShown = !leaderPicked && user.hasRole(Roles.LEADER)
                ? weekly.leaderNameOf(user.name()).orElse(null)
                : blank(leader);
        WeeklyService.Filter filter =
                new WeeklyService.Filter(leaderShown, blank(town), blank(chain), blank(pool), blank(cityCategory));
        WeeklySchedule report = weekly.report(picked, filter);
        String chartData = json.writeValueAsString(Map.of(
                "series",
                report.series(),
                "funnel",
                report.funnel().stream()
                        .map(stage -> Map.of(
                                "pool",
                                stage.pool(),
                                "label",
                                WeeklyLabels.pool(stage.pool()),
                                "projects",
                                stage.projects(),
                                "convertedIn",
                                stage.convertedIn(),
                                "convertedOut",
                                stage.convertedOut()))
                        .toList(),
                "conversion",
                report.conversion().quarters().stream()
                        .map(q -> Map.of(
                                "pool",
                                q.pool(),
                                "label",
                                WeeklyLabels.pool(q.pool()),
                                "quarter",
                                q.quarter(),
                                "rate",
                                q.conversionRate() == null
                                        ? ""
                                        : q.conversionRate().toPlainString()))
                        .toList()));
        return Templates.weekly(
                title,
                report,
                filter,
                weekly.choices(),
                POOLS,
                previous(picked).toString(),
                next(picked).toString(),
                query(filter),
                chartData,
                user.name());
    }

    /** The running header of the printed pages: the title and the week, at the top of every A4 page. */
    @GET
    @Path("/print.css")
    @Produces("text/css")
    @Operation(summary = "The printed page's running header for a week")
    public String printHeader(@QueryParam("week") @Size(max = 8) String week) {
        IsoWeek picked = blank(week) == null ? weekly.currentWeek() : IsoWeek.parse(week, "week");
        return "@page {\n"
                + "  @top-left { content: \"" + cssText(title) + "\"; font-size: 9pt; color: #5f6b7a; }\n"
                + "  @top-right { content: \"" + cssText(weekly.heading(picked))
                + "\"; font-size: 9pt; color: #5f6b7a; }\n"
                + "}\n";
    }

    @GET
    @Path("/projects/{code}")
    @Operation(summary = "A project's timeline page: the registry's events, its flags and its assignments, in Chinese")
    public TemplateInstance timeline(
            @PathParam("code") @Size(max = 32) String code, @QueryParam("week") @Size(max = 8) String week) {
        String back = blank(week) == null ? null : IsoWeek.parse(week, "week").toString();
        TrackedProject project = readModel.project(code);
        List<TimelineEntry> newestFirst = new ArrayList<>(readModel.timeline(code));
        Collections.reverse(newestFirst);
        return Templates.timeline(title, project, newestFirst, back);
    }

    /** Text safe inside a CSS string: no quotes, backslashes or line ends. */
    private static String cssText(String text) {
        return text.replaceAll("[\"\\\\\\r\\n]", " ");
    }

    private static IsoWeek previous(IsoWeek week) {
        return IsoWeek.of(week.monday().minusDays(7));
    }

    private static IsoWeek next(IsoWeek week) {
        return IsoWeek.of(week.monday().plusDays(7));
    }

    /** The filters as a query string, so that the week links and exports keep them. */
    private static String query(WeeklyService.Filter filter) {
        StringBuilder query = new StringBuilder();
        append(query, "leader", filter.leader());
        append(query, "town", filter.town());
        append(query, "chain", filter.chain());
        append(query, "pool", filter.pool());
        append(query, "cityCategory", filter.cityCategory());
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
