package org.splitcast.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * Base of the tests that talk to the real EAR over HTTP, as a client: Arquillian deploys it into
 * the test server before the class and undeploys it after.
 */
@ArquillianTest
@RunAsClient
public abstract class DeployedEar {

    @Deployment(testable = false)
    public static EnterpriseArchive splitcast() {
        return Deployments.splitcast();
    }
}
