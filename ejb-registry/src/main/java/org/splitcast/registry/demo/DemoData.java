package org.splitcast.registry.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.common.Timestamps;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.error.SplitcastException;
import org.splitcast.registry.account.AccountService;
import org.splitcast.registry.account.NewAccount;
import org.splitcast.registry.account.Role;
import org.splitcast.registry.content.AccessRulesData;
import org.splitcast.registry.content.ContentService;
import org.splitcast.registry.content.NewContent;
import org.splitcast.registry.content.NewPackage;
import org.splitcast.registry.entitlement.EntitlementService;
import org.splitcast.registry.entitlement.NewEntitlement;
import org.splitcast.registry.subscriber.DemographicsData;
import org.splitcast.registry.subscriber.NewSubscriber;
import org.splitcast.registry.subscriber.SubscriberService;
import org.splitcast.registry.terminal.NewTerminal;
import org.splitcast.registry.terminal.TerminalKeyType;
import org.splitcast.registry.terminal.TerminalService;

/**
 * Seeds the demo data on the first start of an empty database ({@code splitcast.demo-data.enabled},
 * true by default; README lists the demo accounts), a moment after the application has started.
 * Everything is written in one transaction: a failure leaves the database empty (and is logged).
 *
 * <p>The demo terminals' keys are generated and thrown away (a real device would have been
 * provisioned with them); register a terminal through the API to hold its key.
 */
@Singleton
@Startup
// the services check roles: the demo data is written as the operator would
@RunAs(Role.OPERATOR_ROLE)
@PermitAll // a bean with security metadata denies its unannotated methods
@DependsOn({"SchemaMigrator", "MasterKeyVault"})
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    @ConfigProperty(name = "splitcast.demo-data.enabled")
    boolean enabled;

    @EJB
    AccountService accounts;

    @EJB
    SubscriberService subscribers;

    @EJB
    TerminalService terminals;

    @EJB
    ContentService contents;

    @EJB
    EntitlementService entitlements;

    @Resource
    TimerService timers;

    /**
     * The demo data is written by a timer that fires once the whole application has started, so
     * that the other modules observe its events (the license server puts the demo subscribers on
     * its active list, its recommendation model learns them).
     */
    @PostConstruct
    void schedule() {
        if (enabled) {
            timers.createSingleActionTimer(1, new TimerConfig("splitcast-demo-data", false));
        }
    }

    @Timeout
    void seed(Timer timer) {
        if (!accounts.noAccounts()) {
            return;
        }
        try {
            seedAll();
        } catch (SplitcastException e) {
            // a bug in the demo data: the transaction rolls back, loudly
            throw new IllegalStateException("demo data rejected: " + e.getMessage(), e);
        }
    }

    private void seedAll() throws SplitcastException {
        accounts.create(new NewAccount("operator", "splitcast-operator", "operator"));
        accounts.create(new NewAccount("integrator", "splitcast-integrator", "integrator"));

        subscribers.create(new NewSubscriber(
                "alice", "Alice Martin", "alice", "alice-demo-pw", new DemographicsData("25-34", "FR", "premium")));
        subscribers.create(new NewSubscriber(
                "bob", "Bob García", "bob", "bob-demo-pw", new DemographicsData("18-24", "ES", "student")));
        subscribers.create(new NewSubscriber(
                "carol", "Carol Schmidt", "carol", "carol-demo-pw", new DemographicsData("45-54", "DE", "family")));

        terminals.register("alice", new NewTerminal("alice-tv", "Living-room TV", TerminalKeyType.AES_256, null));
        terminals.register("alice", new NewTerminal("alice-phone", "Phone", TerminalKeyType.EC_P256, demoPublicKey()));
        terminals.register("bob", new NewTerminal("bob-laptop", "Laptop", TerminalKeyType.AES_256, null));
        terminals.register("carol", new NewTerminal("carol-tv", "Kitchen TV", TerminalKeyType.AES_256, null));
        terminals.register("carol", new NewTerminal("carol-tablet", "Tablet", TerminalKeyType.AES_256, null));

        contents.createPackage(new NewPackage("basic", "Basic", List.of()));
        contents.createPackage(new NewPackage("cinema", "Cinema", List.of()));
        contents.createPackage(new NewPackage("sports", "Sports", List.of()));
        AccessRulesData unlimited = new AccessRulesData(null, null, true);
        AccessRulesData rental = new AccessRulesData(3, 48, false);
        content("big-buck-bunny", "Big Buck Bunny", "animation", 596, unlimited, "basic");
        content("sintel", "Sintel", "fantasy", 888, unlimited, "basic");
        content("tears-of-steel", "Tears of Steel", "science-fiction", 734, unlimited, "cinema");
        content("elephants-dream", "Elephants Dream", "science-fiction", 654, unlimited, "cinema");
        content("cosmos-laundromat", "Cosmos Laundromat", "drama", 730, rental, null);
        content("match-of-the-day", "Match of the Day", "sports", 5400, unlimited, "sports");
        content("cycling-highlights", "Cycling Highlights", "sports", 1800, unlimited, "sports");

        Instant now = Timestamps.now();
        Instant inAYear = now.plus(365, ChronoUnit.DAYS);
        entitlements.grant("alice", new NewEntitlement(null, "basic", now, inAYear));
        entitlements.grant("alice", new NewEntitlement(null, "cinema", now, inAYear));
        entitlements.grant("alice", new NewEntitlement("cosmos-laundromat", null, now, now.plus(2, ChronoUnit.DAYS)));
        entitlements.grant("bob", new NewEntitlement(null, "basic", now, null));
        entitlements.grant("carol", new NewEntitlement(null, "basic", now, inAYear));
        entitlements.grant("carol", new NewEntitlement(null, "sports", now, inAYear));
        LOG.info("Demo data written: 2 staff accounts, 3 subscribers, 5 terminals, 7 contents, 3 packages");
    }

    private void content(String id, String title, String genre, int seconds, AccessRulesData rules, String pkg)
            throws SplitcastException {
        contents.create(new NewContent(id, title, genre, seconds, rules, pkg == null ? List.of() : List.of(pkg)));
    }

    private static String demoPublicKey() {
        try {
            KeyPairGenerator generator = CryptoProvider.getDefault().keyPairGenerator("EC");
            generator.initialize(
                    new ECGenParameterSpec("secp256r1"),
                    CryptoProvider.getDefault().secureRandom());
            return Base64.getEncoder()
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the demo terminal key", e);
        }
    }
}
