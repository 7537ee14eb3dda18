package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;

/** The readiness endpoint reports the database and the keystore. */
class HealthIT extends DeployedEar {

    @Test
    void readinessReportsTheDatabaseAndTheKeystoreUp() {
        JsonObject health = Api.get(Credentials.NONE, Api.MANAGEMENT + "/health/ready")
                .expect(200)
                .json();

        assertEquals("UP", health.getString("status"), "top-level status: " + health);
        Map<String, JsonObject> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
        JsonObject database = checks.get("splitcast-database");
        JsonObject keystore = checks.get("splitcast-keystore");
        assertEquals("UP", database.getString("status"), database.toString());
        // the newest migration of any module (one history: registry V1, license V2-V4, V7-V8, session V5-V6)
        assertEquals(
                "8", database.getJsonObject("data").getString("schemaVersion"), "V8__active_user_list_shown applied");
        assertEquals("UP", keystore.getString("status"), keystore.toString());
        assertTrue(keystore.getJsonObject("data").getString("keystore").endsWith("master.p12"));
        assertEquals(1, keystore.getJsonObject("data").getInt("masterKeyVersion"));
    }
}
