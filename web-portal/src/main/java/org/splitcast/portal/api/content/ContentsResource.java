package org.splitcast.portal.api.content;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.common.Page;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.portal.api.Paging;
import org.splitcast.registry.content.ContentService;
import org.splitcast.registry.content.ContentView;
import org.splitcast.registry.content.NewContent;

/** {@code /api/contents}: the catalogue (everyone reads it; operators add to it). */
@Path("contents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "contents")
public class ContentsResource {

    @EJB
    ContentService contents;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "Add a content (metadata) and generate its content key")
    @APIResponse(
            responseCode = "201",
            description = "Created, with its first content key; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContentView.class)))
    @APIResponse(responseCode = "404", description = "not-found: a named package or genre does not exist")
    @APIResponse(responseCode = "409", description = "conflict: the id already exists")
    public Response create(@NotNull @Valid NewContent content) throws DuplicateEntityException, UnknownEntityException {
        ContentView created = contents.create(content);
        return Response.created(
                        uriInfo.getBaseUriBuilder().path(ContentResource.class).build(created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(
            summary = "List the catalogue, optionally one genre, optionally searched",
            description = "q: only the contents whose title or id contains this text, ignoring case")
    public Page<ContentView> list(
            @QueryParam("genre") @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}", message = "is not a genre") String genre,
            @QueryParam("q") @Size(max = 100, message = "q must be at most 100 characters") String q,
            @Valid @BeanParam Paging paging) {
        if (q != null && !q.isBlank()) {
            return contents.search(genre, q.strip(), paging.offset(), paging.limit());
        }
        return contents.list(genre, paging.offset(), paging.limit());
    }
}
