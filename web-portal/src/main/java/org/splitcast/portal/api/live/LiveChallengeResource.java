package org.splitcast.portal.api.live;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.session.live.LiveChallenge;
import org.splitcast.session.live.LiveService;

/**
 * {@code POST /api/terminals/{terminalId}/challenge}: a one-time challenge for a terminal's live
 * session proof (docs/live.md §1). No account needed (web.xml): the proof is the authentication.
 */
@Path("terminals/{terminalId}/challenge")
@RequestScoped
@Tag(name = "live")
public class LiveChallengeResource {

    @EJB
    LiveService live;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A one-time challenge for a live session proof",
            description = "challengeId and nonce (base64url of 16 and 32 random bytes) and expiresAt; answer it once,"
                    + " before it expires, in POST /api/sessions (or a renewal or departure). No credentials needed.")
    @APIResponse(responseCode = "200", description = "the challenge")
    @APIResponse(responseCode = "404", description = "not-found: no such terminal")
    public LiveChallenge challenge(@PathParam("terminalId") String terminalId) throws UnknownEntityException {
        return live.challenge(terminalId);
    }
}
