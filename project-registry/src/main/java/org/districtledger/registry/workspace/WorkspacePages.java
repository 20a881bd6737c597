package org.districtledger.registry.workspace;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.contract.IsoWeek;
import org.districtledger.registry.access.AccessPolicy;
import org.districtledger.registry.photo.PhotoService;
import org.districtledger.registry.progress.WeekReportRules;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.districtledger.runtime.web.HtmlPage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The workspace's pages (项目工作台), in Chinese: my projects and what is due, the week's grid, a project's page,
 * and the office's import and export. Each page is a frame; its script fills it from the JSON API, which checks
 * every right again.
 */
@Path("/")
@HtmlPage
@Produces(MediaType.TEXT_HTML)
@Tag(name = "workspace")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class WorkspacePages {

    /** What the frame of every page shows. */
    public record Page(
            String title,
            String heading,
            String page,
            String week,
            String previous,
            String next,
            String currentWeek,
            String user,
            String role,
            String roleLabel,
            boolean canReport,
            boolean office) {

        /** The same page for a user who may, or may not, report on the project it shows. */
        Page reporting(boolean may) {
            return new Page(
                    title, heading, page, week, previous, next, currentWeek, user, role, roleLabel, may, office);
        }
    }

    /** The grid's limits, rendered into its inputs: the server's own ({@link WeekReportRules}). */
    public record GridRules(int investmentDigits, int noteMax, int problemsMax) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page p);

        static native TemplateInstance grid(Page p, GridRules rules);

        static native TemplateInstance project(Page p, String code, int photoMaxBytes, int photoMaxMb);

        static native TemplateInstance office(Page p);
    }

    private final WorkspaceService workspace;
    private final PhotoService photos;
    private final AccessPolicy access;
    private final CurrentUser user;
    private final String title;

    public WorkspacePages(
            WorkspaceService workspace,
            PhotoService photos,
            AccessPolicy access,
            CurrentUser user,
            @ConfigProperty(name = "ledger.pages.title") String title) {
        this.workspace = workspace;
        this.photos = photos;
        this.access = access;
        this.user = user;
        this.title = title;
    }

    @GET
    @Operation(summary = "The workspace: the signed-in user's projects and what is due this week")
    public TemplateInstance home(@QueryParam("week") String week) {
        return Templates.home(page("项目工作台", "home", week));
    }

    @GET
    @Path("/workspace/week")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "The week's grid: every project the user reports on, saved in one request")
    public TemplateInstance grid(@QueryParam("week") String week) {
        return Templates.grid(
                page("填报周报", "grid", week),
                new GridRules(WeekReportRules.INTEGER_DIGITS, WeekReportRules.NOTE_MAX, WeekReportRules.PROBLEMS_MAX));
    }

    @GET
    @Path("/workspace/projects/{code}")
    @Operation(summary = "A project's page: permits, milestones, problems, site photos and the week-by-week history")
    public TemplateInstance project(@PathParam("code") String code, @QueryParam("week") String week) {
        workspace.requireProject(code);
        // the forms are shown to those who may use them: the office and the project's own task force
        return Templates.project(
                page("项目详情 " + code, "project", week).reporting(access.mayReport(code)),
                code,
                photos.maxBytes(),
                photos.maxBytes() / 1024 / 1024);
    }

    @GET
    @Path("/workspace/office")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The office's page: upload the ledger (checked first, row by row), exports, reminders")
    public TemplateInstance office() {
        return Templates.office(page("台账导入与导出", "office", null));
    }

    private Page page(String heading, String name, String week) {
        IsoWeek current = workspace.currentWeek();
        IsoWeek shown = week == null || week.isBlank() ? current : IsoWeek.parse(week, "week");
        String role = WorkspaceService.roleOf(user);
        String roleLabel = switch (role) {
            case Roles.ADMIN -> "项目办";
            case Roles.OFFICER -> "专班";
            case Roles.LEADER -> "包联领导";
            default -> "查看";
        };
        return new Page(
                title,
                heading,
                name,
                shown.toString(),
                IsoWeek.of(shown.monday().minusDays(7)).toString(),
                IsoWeek.of(shown.monday().plusDays(7)).toString(),
                current.toString(),
                user.name(),
                role,
                roleLabel,
                user.hasRole(Roles.ADMIN) || user.hasRole(Roles.OFFICER),
                user.hasRole(Roles.ADMIN));
    }
}
