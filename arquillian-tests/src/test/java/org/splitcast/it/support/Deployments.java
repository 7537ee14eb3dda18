package org.splitcast.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the tests deploy: the real EAR built by ear/, and the raw-table probe. */
public final class Deployments {

    private Deployments() {}

    /** The EAR exactly as the build produced it (copied to target/deployments by the pom). */
    public static EnterpriseArchive splitcast() {
        File ear = new File(System.getProperty("splitcast.ear", "target/deployments/splitcast.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException(
                    "EAR not found at " + ear.getAbsolutePath() + ": run the build from the root");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /**
     * The EAR with one more web module, {@code /rollback-probe} ({@link RollbackProbeServlet}): it
     * sees the EAR's service interfaces, which a WAR deployed beside the EAR would not.
     */
    public static EnterpriseArchive splitcastWithRollbackProbe() {
        EnterpriseArchive ear = splitcast();
        String probe = "rollback-probe.war";
        ear.addAsModule(ShrinkWrap.create(WebArchive.class, probe)
                .addClasses(RollbackProbeServlet.class, ProbeAuthentication.class)
                .addAsWebInfResource(
                        new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                                + " bean-discovery-mode=\"annotated\"/>"),
                        "beans.xml"));
        ArchivePath descriptor = ArchivePaths.create("META-INF/application.xml");
        String application;
        try (InputStream in = ear.get(descriptor).getAsset().openStream()) {
            application = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String module = "<module><web><web-uri>" + probe + "</web-uri><context-root>/rollback-probe</context-root>"
                + "</web></module>";
        ear.delete(descriptor);
        ear.add(new StringAsset(application.replace("</application>", module + "</application>")), descriptor);
        return ear;
    }

    /**
     * The EAR with one more web module, {@code /unguarded-probe} ({@link UnguardedProbeServlet}): a
     * boundary without any role check of its own, which calls the services as whoever the request
     * says it is.
     */
    public static EnterpriseArchive splitcastWithUnguardedProbe() {
        return withModule(
                splitcast(),
                "unguarded-probe",
                ShrinkWrap.create(WebArchive.class, "unguarded-probe.war")
                        .addClasses(UnguardedProbeServlet.class, ProbeAsAuthentication.class));
    }

    private static EnterpriseArchive withModule(EnterpriseArchive ear, String name, WebArchive war) {
        String file = name + ".war";
        ear.addAsModule(war.addAsWebInfResource(
                new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                        + " bean-discovery-mode=\"annotated\"/>"),
                "beans.xml"));
        ArchivePath descriptor = ArchivePaths.create("META-INF/application.xml");
        String application;
        try (InputStream in = ear.get(descriptor).getAsset().openStream()) {
            application = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String module =
                "<module><web><web-uri>" + file + "</web-uri><context-root>/" + name + "</context-root></web></module>";
        ear.delete(descriptor);
        ear.add(new StringAsset(application.replace("</application>", module + "</application>")), descriptor);
        return ear;
    }

    /** A test-only WAR that dumps every row of every table of the application's datasource. */
    public static WebArchive rawTablesProbe() {
        return ShrinkWrap.create(WebArchive.class, "raw-tables-probe.war").addClass(RawTablesServlet.class);
    }
}
