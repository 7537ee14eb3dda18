package org.splitcast.it.support;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.Base64;
import org.splitcast.license.IssuedLicense;
import org.splitcast.license.LicenseIssuer;
import org.splitcast.license.LicenseRequest;
import org.splitcast.registry.content.ContentService;
import org.splitcast.registry.terminal.NewTerminal;
import org.splitcast.registry.terminal.TerminalKeyType;
import org.splitcast.registry.terminal.TerminalService;

/**
 * Test-only, added to a copy of the EAR as an extra web module: calls a service inside a
 * transaction that it then rolls back, as a failure after the service's work would. The services'
 * own checks pass (it runs as the operator); what the test looks at is whether anything the
 * service's events would change (the recommendation model, the active list, the precomputed store)
 * changed anyway.
 *
 * <p>{@code GET /rollback-probe/?op=license&terminal=T&content=C}, {@code op=register&subscriber=S&terminal=T},
 * {@code op=revoke&subscriber=S&terminal=T}, {@code op=rotate&content=C}: 200 and what the call
 * returned once the transaction is rolled back; 500 with the failure otherwise.
 */
@WebServlet("/")
@DeclareRoles("operator")
@RunAs("operator")
public class RollbackProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource
    UserTransaction transaction;

    @EJB
    LicenseIssuer issuer;

    @EJB
    TerminalService terminals;

    @EJB
    ContentService contents;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String op = request.getParameter("op");
        String result;
        try {
            transaction.begin();
            try {
                result = switch (op) {
                    case "license" -> {
                        byte[] nonce = new byte[16];
                        new java.security.SecureRandom().nextBytes(nonce);
                        IssuedLicense license = issuer.issue(new LicenseRequest(
                                request.getParameter("content"),
                                request.getParameter("terminal"),
                                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce)));
                        yield "issued " + license.licenseId();
                    }
                    case "register" -> "registered "
                            + terminals
                                    .register(
                                            request.getParameter("subscriber"),
                                            new NewTerminal(
                                                    request.getParameter("terminal"),
                                                    "rolled back",
                                                    TerminalKeyType.AES_256,
                                                    null))
                                    .id();
                    case "revoke" -> "revoked "
                            + terminals
                                    .revoke(request.getParameter("subscriber"), request.getParameter("terminal"))
                                    .id();
                    case "rotate" -> "rotated to "
                            + contents.rotateKey(request.getParameter("content"))
                                    .currentKeyId();
                    default -> throw new IllegalArgumentException("unknown op " + op);
                };
            } finally {
                transaction.rollback();
            }
        } catch (Exception e) {
            response.setStatus(500);
            response.getWriter().print(e);
            return;
        }
        response.setContentType("text/plain");
        response.getWriter().print(result);
    }
}
