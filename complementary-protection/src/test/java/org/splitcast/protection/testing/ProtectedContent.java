package org.splitcast.protection.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.protection.envelope.CompressionPolicy;
import org.splitcast.protection.envelope.EnvelopeContext;
import org.splitcast.protection.envelope.EnvelopeSealer;
import org.splitcast.protection.store.ProtectedStoreWriter;
import org.splitcast.separation.SeparationOptions;
import org.splitcast.separation.SeparationReport;
import org.splitcast.separation.StreamSeparator;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementarySink;
import org.splitcast.separation.complementary.ComplementaryTrailer;
import org.splitcast.separation.complementary.ComplementaryWriter;

/**
 * A content ingested the way the server does it: a transport stream separated with the default
 * options into a main stream file and a protected store sealed under Kc, plus (for comparison)
 * the same complementary information as a plain container.
 *
 * @param originalSha256 SHA-256 of the original stream
 */
public record ProtectedContent(
        Path original,
        Path main,
        Path store,
        Path plainContainer,
        String contentId,
        String keyId,
        byte[] kc,
        byte[] originalSha256,
        SeparationReport report) {

    /** Separates {@code original} into {@code dir}/main.ts, store.scps and plain.scci. */
    public static ProtectedContent ingest(Path original, Path dir, String contentId, String keyId, byte[] kc)
            throws Exception {
        Files.createDirectories(dir);
        Path main = dir.resolve("main.ts");
        Path store = dir.resolve("store.scps");
        Path plain = dir.resolve("plain.scci");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SeparationReport report;
        try (InputStream in = new DigestInputStream(Files.newInputStream(original), sha);
                OutputStream mainOut = Files.newOutputStream(main);
                OutputStream plainOut = Files.newOutputStream(plain);
                EnvelopeSealer sealer = EnvelopeSealer.create(
                        EnvelopeContext.onDemand(contentId, keyId),
                        kc,
                        CompressionPolicy.DEFAULT,
                        CryptoProvider.getDefault());
                ProtectedStoreWriter writer = ProtectedStoreWriter.create(store, sealer)) {
            ComplementaryWriter plainWriter = ComplementaryWriter.toStream(plainOut);
            report = new StreamSeparator(SeparationOptions.defaults())
                    .separate(in, mainOut, new Tee(writer, plainWriter));
            writer.commit();
        }
        return new ProtectedContent(original, main, store, plain, contentId, keyId, kc.clone(), sha.digest(), report);
    }

    /** Sends every record to two sinks. */
    public record Tee(ComplementarySink a, ComplementarySink b) implements ComplementarySink {
        @Override
        public void begin(ComplementaryInfo header) throws IOException {
            a.begin(header);
            b.begin(header);
        }

        @Override
        public void chunk(ComplementaryChunk chunk) throws IOException {
            a.chunk(chunk);
            b.chunk(chunk);
        }

        @Override
        public void end(ComplementaryInfo completedHeader, ComplementaryTrailer trailer) throws IOException {
            a.end(completedHeader, trailer);
            b.end(completedHeader, trailer);
        }
    }
}
