package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.Deployments;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;

/** The active list of step 112 lives in the database: an undeploy and deploy lose nothing. */
@ArquillianTest
@RunAsClient
class ActiveListRedeployIT {

    private static final String EAR = "splitcast-redeployed";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    public static EnterpriseArchive splitcast() {
        return Deployments.splitcast();
    }

    @Test
    void theActiveListSurvivesARedeploy() {
        deployer.deploy(EAR);
        try {
            Subscriber waiting = Subscriber.create("redeploy");
            Licensing.symmetricTerminal(waiting.id());
            JsonObject before = entry(waiting.id());
            assertEquals("NEW_SUBSCRIBER", before.getString("reason"));

            deployer.undeploy(EAR);
            deployer.deploy(EAR);

            assertEquals(before, entry(waiting.id()), "the same place on the list, same reason and times");
        } finally {
            deployer.undeploy(EAR);
        }
    }

    private static JsonObject entry(String subscriberId) {
        return Api.get(Credentials.OPERATOR, "/api/precompute/active-users?limit=1000")
                .expect(200)
                .array()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(o -> o.getString("subscriberId").equals(subscriberId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(subscriberId + " is not on the active list"));
    }
}
