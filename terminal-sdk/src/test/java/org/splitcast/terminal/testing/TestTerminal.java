package org.splitcast.terminal.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.TerminalKey;

/** A terminal of one key type: what the server registers, and the key file the terminal holds. */
public record TestTerminal(String id, Kind kind, TerminalKey serverSide, Path keyFile, byte[] kt) {

    /** The terminal key types of POST /api/subscribers/{id}/terminals. */
    public enum Kind {
        AES_256,
        RSA,
        EC_P256,
        X25519
    }

    /** Creates the terminal, writes its key file into {@code dir} and registers it with {@code server}. */
    public static TestTerminal create(Kind kind, Path dir, FakeLicenseServer server) throws IOException {
        String id = "tv-" + kind.name().toLowerCase().replace('_', '-');
        Path file = dir.resolve(id + (kind == Kind.AES_256 ? ".key" : ".pem"));
        TestTerminal terminal;
        if (kind == Kind.AES_256) {
            byte[] kt = CryptoProvider.getDefault().randomBytes(32);
            // as the server returns provisioningKey: standard base64 with padding
            Files.writeString(file, Base64.getEncoder().encodeToString(kt) + "\n", StandardCharsets.US_ASCII);
            terminal = new TestTerminal(id, kind, new TerminalKey.Symmetric(kt.clone()), file, kt);
        } else {
            KeyPair pair = keyPair(kind);
            Files.writeString(file, pkcs8Pem(pair.getPrivate()), StandardCharsets.US_ASCII);
            terminal = new TestTerminal(id, kind, new TerminalKey.Public(pair.getPublic()), file, null);
        }
        if (server != null) {
            server.register(id, terminal.serverSide());
        }
        return terminal;
    }

    public static KeyPair keyPair(Kind kind) {
        try {
            KeyPairGenerator generator;
            switch (kind) {
                case RSA -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                }
                case EC_P256 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                }
                case X25519 -> generator = KeyPairGenerator.getInstance("X25519");
                default -> throw new IllegalArgumentException(kind.name());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey} writes it. */
    public static String pkcs8Pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
