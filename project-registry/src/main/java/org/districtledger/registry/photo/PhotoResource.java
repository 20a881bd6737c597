package org.districtledger.registry.photo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.districtledger.registry.access.AccessPolicy;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Site photos (形象进度照片): the task force uploads them, everyone who reads the project sees them. */
@Path("/api/v1/projects/{code}/photos")
@Tag(name = "photos", description = "Site photos of a project")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class PhotoResource {

    private final PhotoService photos;
    private final CurrentUser user;
    private final AccessPolicy access;

    public PhotoResource(PhotoService photos, CurrentUser user, AccessPolicy access) {
        this.photos = photos;
        this.user = user;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Consumes({"image/jpeg", "image/png"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Adds a site photo (JPEG or PNG, the body) for a week (default: this week), with a caption; "
                    + "size- and count-limited")
    public Response add(
            @PathParam("code") String code,
            @QueryParam("week") String week,
            @QueryParam("caption") String caption,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] content) {
        access.requireReporter(code);
        return Response.status(Response.Status.CREATED)
                .entity(photos.add(code, week, caption, content, contentType, user.name()))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The project's photos, newest first, by reference")
    public List<PhotoView> list(@PathParam("code") String code) {
        return photos.list(code);
    }

    @GET
    @Path("/{id}/image")
    @Produces({"image/jpeg", "image/png"})
    @Operation(summary = "The photo itself")
    public Response photo(@PathParam("code") String code, @PathParam("id") long id) {
        return image(photos.content(code, id, false));
    }

    @GET
    @Path("/{id}/thumbnail")
    @Produces("image/jpeg")
    @Operation(summary = "The photo's thumbnail (JPEG, at most 320 pixels a side)")
    public Response thumbnail(@PathParam("code") String code, @PathParam("id") long id) {
        return image(photos.content(code, id, true));
    }

    private static Response image(Map.Entry<String, byte[]> image) {
        return Response.ok(image.getValue(), image.getKey())
                .header("Cache-Control", "private, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
