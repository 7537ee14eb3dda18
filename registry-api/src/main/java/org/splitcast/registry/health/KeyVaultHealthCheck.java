package org.splitcast.registry.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.splitcast.registry.keys.KeyVault;

/** Ready when the master keystore is readable and a seal/open round trip through the vault works. */
@Readiness
@ApplicationScoped
public class KeyVaultHealthCheck implements HealthCheck {

    @EJB
    KeyVault vault;

    @Override
    public HealthCheckResponse call() {
        KeyVault.VaultStatus status = vault.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("splitcast-keystore")
                .status(status.working())
                .withData("keystore", status.keystore())
                .withData("masterKeyVersion", status.masterKeyVersion());
        if (status.detail() != null) {
            response.withData("error", status.detail());
        }
        return response.build();
    }
}
