package org.splitcast.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
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

    /** A test-only WAR that dumps every row of every table of the application's datasource. */
    public static WebArchive rawTablesProbe() {
        return ShrinkWrap.create(WebArchive.class, "raw-tables-probe.war").addClass(RawTablesServlet.class);
    }
}
