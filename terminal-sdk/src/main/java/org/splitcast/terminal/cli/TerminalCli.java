package org.splitcast.terminal.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.AccessRules;
import org.splitcast.license.format.License;
import org.splitcast.license.format.LicenseRejectedException;
import org.splitcast.license.format.Nonces;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.license.format.VerifiedLicense;
import org.splitcast.separation.io.AtomicFile;
import org.splitcast.terminal.sdk.Credentials;
import org.splitcast.terminal.sdk.DeliveryClient;
import org.splitcast.terminal.sdk.LicenseClient;
import org.splitcast.terminal.sdk.LicenseRequestException;
import org.splitcast.terminal.sdk.ObtainedLicense;
import org.splitcast.terminal.sdk.PlayException;
import org.splitcast.terminal.sdk.PlayReport;
import org.splitcast.terminal.sdk.Player;
import org.splitcast.terminal.sdk.TerminalKeyFiles;

/**
 * {@code splitcast-terminal}: gets a license as a terminal does, verifies it and says what it
 * allows, never printing a key; plays a content on demand (main stream + sealed complementary
 * information, rebuilt as it downloads). Expected failures print one line on stderr and exit with a
 * documented code, never a stack trace.
 */
public final class TerminalCli {

    static final String NAME = "splitcast-terminal";

    /** Exit codes. */
    static final int OK = 0;

    static final int INTERNAL = 1;
    static final int USAGE = 2;
    static final int REJECTED = 3;
    static final int REFUSED = 4;
    static final int IO = 5;
    static final int COMPLEMENTARY_REJECTED = 6;
    static final int MAIN_STREAM_MISMATCH = 7;
    /** watch: chunks were lost, the live output is not the original stream. */
    static final int INCOMPLETE = 8;

    static final String USAGE_TEXT =
            """
            Usage:
              splitcast-terminal license --server URL --terminal ID --key FILE --content ID
                                 [--user NAME --password-file FILE] [--save FILE]
              splitcast-terminal verify --server URL --terminal ID --key FILE --content ID
                                 --license FILE --nonce NONCE
              splitcast-terminal play --server URL --terminal ID --key FILE --content ID
                                 [-o FILE|-] [--user NAME --password-file FILE] [--quiet]
                                 [--wait-ready SECONDS]
              splitcast-terminal --help

            license  asks the server (POST URL/api/licenses) for a license for this terminal and
                     content with a fresh nonce, verifies it against the server's signing keys
                     (GET URL/api/license-keys) and unwraps the content key. --save writes the
                     license as received, and the nonce is printed, for 'verify'.
            verify   verifies a saved license for the request that sent NONCE: any other nonce
                     shows how a replayed license is rejected.
            play     gets a license, downloads the main stream (GET URL/media/ID/main.ts,
                     resumed after a dropped connection), fetches the sealed complementary
                     information in batches (GET URL/api/contents/ID/complementary), opens it
                     with the content key and writes the original stream as it goes, every
                     chunk checked first: 'play ... -o - | ffplay -' plays while it downloads.
                     -o FILE appears whole or not at all; -o - (the default) is stdout.
                     Progress on stderr for large streams, unless --quiet. While the server
                     answers 409 not-ready (ingest or re-sealing in progress) it asks again for
                     up to --wait-ready seconds (default 60).

            --server URL      the server's base URL (https://host[:port][/path])
            --terminal ID     this terminal's id
            --key FILE        its key: the base64 AES_256 key (provisioningKey) or a PEM private
                              key (RSA, EC P-256 or X25519; PKCS#8 or OpenSSL's traditional form)
            --content ID      the content to play
            --user NAME       subscriber or integrator (or env SPLITCAST_USER)
            --password-file FILE  a file whose first line is the password (or env SPLITCAST_PASSWORD)

            The content key itself is never printed: only a fingerprint (the first 8 bytes of its
            SHA-256), which identifies it without revealing it.

            Exit codes: 0 ok, 2 usage error or unusable key file, 3 license rejected by
            verification (expired, replayed, ...), 4 refused by the server (no-valid-license,
            not-found, not-ready, ...), 5 I/O or connection error, 6 complementary information
            rejected (tampered, for another content or position, wrong key), 7 main stream does
            not match the complementary information, 8 (watch) chunks lost: the live output is
            not the original, 1 internal error.
            """;

    private static final Set<String> LICENSE_OPTIONS =
            Set.of("server", "terminal", "key", "content", "user", "password-file", "save");
    private static final Set<String> VERIFY_OPTIONS =
            Set.of("server", "terminal", "key", "content", "license", "nonce", "user", "password-file");
    private static final Set<String> PLAY_OPTIONS =
            Set.of("server", "terminal", "key", "content", "user", "password-file", "output", "quiet", "wait-ready");
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("quiet");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final CryptoProvider crypto;
    private final Clock clock;

    TerminalCli(PrintStream out, PrintStream err, Map<String, String> env, CryptoProvider crypto, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.crypto = crypto;
        this.clock = clock;
    }

    public static void main(String[] args) {
        int code = new TerminalCli(
                        System.out, System.err, System.getenv(), CryptoProvider.getDefault(), Clock.systemUTC())
                .run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    int run(String... args) {
        try {
            if (args.length == 0) {
                throw new UsageException("a command is required (license, verify, play, --help)");
            }
            if (List.of(args).contains("--help") || List.of(args).contains("-h") || args[0].equals("help")) {
                out.print(USAGE_TEXT);
                out.print(WatchCommand.USAGE);
                return OK;
            }
            String command = args[0];
            return switch (command) {
                case "license" -> license(options(args, LICENSE_OPTIONS));
                case "verify" -> verify(options(args, VERIFY_OPTIONS));
                case "play" -> play(options(args, PLAY_OPTIONS));
                case "watch" -> WatchCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err, crypto, clock);
                default -> throw new UsageException(
                        "unknown command '" + command + "' (license, verify, play, watch, --help)");
            };
        } catch (UsageException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println("Try '" + NAME + " --help'.");
            return USAGE;
        } catch (TerminalKeyFiles.InvalidKeyFileException e) {
            err.println(NAME + ": unusable key file " + e.getMessage());
            return USAGE;
        } catch (LicenseRejectedException e) {
            err.println(NAME + ": license rejected: " + e.getMessage());
            return REJECTED;
        } catch (LicenseRequestException e) {
            err.println(NAME + ": server refused: HTTP " + e.status() + (e.code() == null ? "" : " " + e.code())
                    + (e.detail() == null ? "" : ": " + e.detail()));
            return REFUSED;
        } catch (PlayException e) {
            return switch (e.kind()) {
                case MAIN_STREAM_MISMATCH -> {
                    err.println(NAME + ": main stream does not match: " + e.getMessage());
                    yield MAIN_STREAM_MISMATCH;
                }
                case KEY_MISMATCH, COMPLEMENTARY_REJECTED -> {
                    err.println(NAME + ": complementary information rejected: " + e.getMessage());
                    yield COMPLEMENTARY_REJECTED;
                }
            };
        } catch (IOException e) {
            err.println(NAME + ": " + describe(e));
            return IO;
        } catch (RuntimeException e) {
            err.println(NAME + ": internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return INTERNAL;
        }
    }

    private int license(Map<String, String> options)
            throws IOException, UsageException, LicenseRequestException, LicenseRejectedException {
        Session session = session(options);
        String nonce = Nonces.generate(crypto);
        ObtainedLicense obtained =
                session.client.requestLicense(session.terminalId, session.contentId, session.secret, nonce);
        try {
            print(obtained.license(), obtained.access());
            String save = options.get("save");
            if (save != null) {
                Files.writeString(Path.of(save), obtained.raw().toJson() + "\n", StandardCharsets.UTF_8);
                out.println("saved to:          " + save);
                out.println("nonce:             " + nonce);
            }
            return OK;
        } finally {
            obtained.license().wipe();
            wipe(session.secret);
        }
    }

    private int verify(Map<String, String> options)
            throws IOException, UsageException, LicenseRequestException, LicenseRejectedException {
        String licenseFile = required(options, "license");
        String nonce = required(options, "nonce");
        Session session = session(options);
        License license;
        try {
            license = License.fromJson(Files.readString(Path.of(licenseFile), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new LicenseRejectedException(
                    LicenseRejectedException.Reason.MALFORMED, licenseFile + " is not a license: " + e.getMessage());
        }
        VerifiedLicense verified =
                session.client.verify(license, session.terminalId, session.secret, session.contentId, nonce);
        try {
            print(verified, null);
            return OK;
        } finally {
            verified.wipe();
            wipe(session.secret);
        }
    }

    private int play(Map<String, String> options)
            throws IOException, UsageException, LicenseRequestException, LicenseRejectedException, PlayException {
        String output = options.getOrDefault("output", "-");
        Session session = session(options);
        Progress progress = new Progress(err, "play", options.containsKey("quiet"));
        DeliveryClient delivery =
                new DeliveryClient(session.client.server(), session.credentials, newHttpClient(), HTTP_TIMEOUT);
        Player player = new Player(
                session.client,
                delivery,
                crypto,
                Player.DEFAULT_BATCH_CHUNKS,
                Player.DEFAULT_MAX_RETRIES,
                waitReady(options.get("wait-ready")));
        Player.Listener listener = new Player.Listener() {
            @Override
            public void started(VerifiedLicense license, long mainLength) {
                progress.total(mainLength);
            }

            @Override
            public void written(long bytes) {
                progress.update(bytes);
            }
        };
        PlayReport report;
        try {
            if (output.equals("-")) {
                OutputStream stdout = new CheckedOutput(out);
                report = player.play(session.contentId, session.terminalId, session.secret, stdout, listener);
                stdout.flush();
            } else {
                AtomicFile file = AtomicFile.create(Path.of(output));
                Throwable failure = null;
                try {
                    OutputStream fileOut = new BufferedOutputStream(file.stream(), 1 << 16);
                    report = player.play(session.contentId, session.terminalId, session.secret, fileOut, listener);
                    fileOut.flush();
                    file.commit();
                } catch (IOException
                        | LicenseRequestException
                        | LicenseRejectedException
                        | PlayException
                        | RuntimeException e) {
                    failure = e;
                    throw e;
                } finally {
                    AtomicFile.closeQuietly(file, failure);
                }
            }
        } finally {
            wipe(session.secret);
        }
        if (!options.containsKey("quiet")) {
            double seconds = progress.seconds();
            err.printf(
                    Locale.ROOT,
                    "played %s: %d bytes in %d chunks (content key %s%s%s), %.1f s, %s%n",
                    session.contentId,
                    report.bytes(),
                    report.chunks(),
                    report.keyId(),
                    report.licenses() > 1 ? ", after a fresh license" : "",
                    report.resumes() > 0 ? ", download resumed " + report.resumes() + "x" : "",
                    seconds,
                    Progress.rate(report.bytes(), seconds));
        }
        return OK;
    }

    static final java.time.Duration HTTP_TIMEOUT = java.time.Duration.ofSeconds(30);

    private static java.time.Duration waitReady(String seconds) throws UsageException {
        if (seconds == null) {
            return Player.DEFAULT_NOT_READY_WAIT;
        }
        try {
            long s = Long.parseLong(seconds);
            if (s < 0 || s > 86_400) {
                throw new NumberFormatException();
            }
            return java.time.Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--wait-ready: a number of seconds from 0 to 86400, not '" + seconds + "'");
        }
    }

    private static java.net.http.HttpClient newHttpClient() {
        return java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    /** A PrintStream swallows write errors: this one reports them (a closed pipe stops the playback). */
    private static final class CheckedOutput extends OutputStream {
        private final PrintStream out;

        CheckedOutput(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            check();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            check();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
            check();
        }

        private void check() throws IOException {
            if (out.checkError()) {
                throw new IOException("the output was closed (broken pipe)");
            }
        }
    }

    private record Session(
            LicenseClient client,
            Credentials credentials,
            String terminalId,
            String contentId,
            TerminalSecret secret) {}

    private Session session(Map<String, String> options) throws IOException, UsageException {
        String server = required(options, "server");
        String terminalId = required(options, "terminal");
        String keyFile = required(options, "key");
        String contentId = required(options, "content");
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw new UsageException("--server: not a URL: " + server);
        }
        Credentials credentials = credentials(options);
        LicenseClient client;
        try {
            client = new LicenseClient(uri, credentials, crypto, clock);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server: " + e.getMessage());
        }
        TerminalSecret secret = TerminalKeyFiles.load(Path.of(keyFile), crypto);
        return new Session(client, credentials, terminalId, contentId, secret);
    }

    private Credentials credentials(Map<String, String> options) throws IOException, UsageException {
        String user = options.getOrDefault("user", env.get("SPLITCAST_USER"));
        String passwordFile = options.get("password-file");
        char[] password = null;
        if (passwordFile != null) {
            String content = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String line = end < 0 ? content : content.substring(0, end);
            password = (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } else if (env.get("SPLITCAST_PASSWORD") != null) {
            password = env.get("SPLITCAST_PASSWORD").toCharArray();
        }
        if (user == null || user.isEmpty()) {
            if (password != null) {
                throw new UsageException("a password without a user: give --user or SPLITCAST_USER");
            }
            return null;
        }
        if (password == null) {
            throw new UsageException("no password for user '" + user + "': give --password-file or SPLITCAST_PASSWORD");
        }
        try {
            return new Credentials(user, password);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--user: " + e.getMessage());
        }
    }

    private void print(VerifiedLicense license, String access) {
        AccessRules rules = license.rules();
        out.println("license id:        " + license.licenseId());
        out.println("content id:        " + license.contentId());
        out.println("terminal id:       " + license.terminalId());
        out.println("content key id:    " + license.keyId());
        out.println("signing key:       " + license.signingKeyId() + " ("
                + license.algorithm().jwsName() + ")");
        if (access != null) {
            out.println("access:            " + access);
        }
        out.println("issued at:         " + license.issuedAt());
        out.println("valid from:        " + license.notBefore());
        out.println("valid until:       " + license.notAfter());
        out.println("max plays:         " + (rules.maxPlays() == null ? "unlimited" : rules.maxPlays()));
        out.println("rental window:     " + (rules.windowHours() == null ? "none" : rules.windowHours() + " hours"));
        out.println("recording allowed: " + (rules.recordingAllowed() ? "yes" : "no"));
        out.println("content key:       unwrapped; fingerprint (SHA-256 prefix, not the key) "
                + fingerprint(license.contentKey()));
    }

    private String fingerprint(byte[] key) {
        MessageDigest sha256 = crypto.messageDigest("SHA-256");
        byte[] digest = sha256.digest(key);
        return HexFormat.ofDelimiter(":").formatHex(digest, 0, 8);
    }

    private static void wipe(TerminalSecret secret) {
        if (secret instanceof TerminalSecret.Symmetric symmetric) {
            symmetric.wipe();
        }
    }

    private static String required(Map<String, String> options, String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    /** {@code --name value} or {@code --name=value}, each at most once, only the known names. */
    private static Map<String, String> options(String[] args, Set<String> known) throws UsageException {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-o")) {
                arg = "--output";
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (FLAGS.contains(name)) {
                value = "";
            } else if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " for " + args[0]);
            }
            if (options.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        return options;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof java.net.ConnectException) {
            return e.getMessage() == null ? "cannot connect to the server" : e.getMessage();
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "the server did not answer in time";
        }
        if (e.getClass() == IOException.class && e.getMessage() != null) {
            return "I/O error: " + e.getMessage(); // ours: the message says it all
        }
        return "I/O error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** A command line that does not say what to do. */
    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
