package org.splitcast.portal.api.account;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.account.AccountService;
import org.splitcast.registry.account.AccountView;
import org.splitcast.registry.account.NewAccount;

/** {@code /api/accounts}: operator and integrator logins (operators only). */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(OPERATOR_ROLE)
@Tag(name = "accounts")
public class AccountsResource {

    @EJB
    AccountService accounts;

    @Context
    UriInfo uriInfo;

    @POST
    @Operation(summary = "Create an operator or integrator login")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "conflict: the username already exists")
    public Response create(@NotNull @Valid NewAccount account) throws DuplicateEntityException {
        AccountView created = accounts.create(account);
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(created.username())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List all logins")
    public List<AccountView> list() {
        return accounts.list();
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Delete a login (not the last operator's)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "conflict: the last operator login cannot be deleted")
    public void delete(@PathParam("username") String username) throws UnknownEntityException, InvalidRequestException {
        accounts.delete(username);
    }
}
