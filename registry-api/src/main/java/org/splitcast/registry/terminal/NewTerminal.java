package org.splitcast.registry.terminal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.splitcast.common.Ids;

/**
 * A terminal to register.
 *
 * @param id the device's own id, or absent to have one generated
 * @param label what the subscriber calls it ("living-room TV")
 * @param keyType AES_256 to have the server generate KT, or the kind of {@code publicKey}
 * @param publicKey for RSA / EC_P256 / X25519: the device's public key, PEM or base64 DER
 *     SubjectPublicKeyInfo; absent for AES_256
 */
public record NewTerminal(
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 200) String label,
        @NotNull TerminalKeyType keyType,
        @Size(max = 16_384) String publicKey) {}
