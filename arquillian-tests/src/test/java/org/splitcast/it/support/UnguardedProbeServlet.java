package org.splitcast.it.support;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.SplitcastException;
import org.splitcast.license.LicenseIssuer;
import org.splitcast.license.LicenseRequest;
import org.splitcast.registry.account.AccountService;
import org.splitcast.registry.entitlement.EntitlementService;
import org.splitcast.registry.subscriber.SubscriberService;
import org.splitcast.registry.terminal.TerminalService;

/**
 * A boundary that checks nothing: no security constraint, no {@code @RolesAllowed}, it calls the
 * services as whoever {@link ProbeAsAuthentication} says the caller is. What it answers is what the
 * services alone decide ({@code AuthorizationIT}): {@code allowed}, {@code forbidden} (the
 * container's role check or the services' ownership rule), or {@code failed} with the cause.
 * {@code GET /?op=...&subscriber=S&terminal=T&content=C}.
 */
@WebServlet("/")
public class UnguardedProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    SubscriberService subscribers;

    @EJB
    TerminalService terminals;

    @EJB
    EntitlementService entitlements;

    @EJB
    AccountService accounts;

    @EJB
    LicenseIssuer issuer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String subscriber = request.getParameter("subscriber");
        String terminal = request.getParameter("terminal");
        String outcome;
        try {
            switch (request.getParameter("op")) {
                case "listSubscribers" -> subscribers.list(0, 10);
                case "getSubscriber" -> subscribers.get(subscriber);
                case "listTerminals" -> terminals.listFor(subscriber);
                case "getTerminal" -> terminals.get(terminal);
                case "listEntitlements" -> entitlements.listFor(subscriber);
                case "listAccounts" -> accounts.list();
                case "license" -> issuer.issue(new LicenseRequest(request.getParameter("content"), terminal, nonce()));
                default -> throw new IllegalArgumentException("no op " + request.getParameter("op"));
            }
            outcome = "allowed";
        } catch (EJBAccessException | AccessDeniedException e) {
            outcome = "forbidden";
        } catch (SplitcastException e) {
            outcome = "allowed but refused: " + e.code().slug();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            outcome = cause instanceof EJBAccessException || cause instanceof AccessDeniedException
                    ? "forbidden"
                    : "failed: " + cause;
        }
        response.setContentType("text/plain");
        response.getWriter().write(outcome);
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
