package org.splitcast.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records every call the integration tests make to the test server: HTTP method, path, status,
 * whether a {@code Location} came back, and which test made it. Every client of the tests (
 * {@link Api}, {@link Soap}, {@link Media}, {@link CookieSession}) sends through {@link #send}, so
 * {@code ApiContractCheck}, which runs after the other tests of the same run, can compare what the
 * server really answered with what its {@code /openapi} document (and its WSDL) declares
 * (docs/api-contract.md).
 *
 * <p>One line per call, tab-separated, appended to {@link #FILE} (the build empties it before the
 * tests): {@code REST method path status location caller} or {@code SOAP service operation status
 * faultcode caller}.
 */
public final class ObservedCalls {

    /** Where the observations go: {@code target/api-contract/observed.tsv} unless the build says otherwise. */
    public static final Path FILE =
            Path.of(System.getProperty("it.contract.observations", "target/api-contract/observed.tsv"));

    /** One observed REST call. */
    public record RestCall(String method, String path, int status, boolean location, String caller) {}

    /** One observed SOAP call: the operation, the HTTP status, the fault's detail code (or {@code -}). */
    public record SoapCall(String service, String operation, int status, String faultCode, String caller) {}

    private ObservedCalls() {}

    /** Sends the request with that client, and records the answer when it came from the test server. */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        HttpResponse<T> response = client.send(request, body);
        URI uri = request.uri();
        if (URI.create(Api.BASE).getPort() == uri.getPort()) {
            append(String.join(
                    "\t",
                    "REST",
                    request.method(),
                    uri.getRawPath(),
                    Integer.toString(response.statusCode()),
                    response.headers().firstValue("Location").isPresent() ? "location" : "-",
                    caller()));
        }
        return response;
    }

    /** Records a SOAP call (its HTTP exchange is recorded by {@link #send} as well). */
    public static void soap(String service, String operation, int status, String faultCode) {
        append(String.join(
                "\t",
                "SOAP",
                service,
                operation,
                Integer.toString(status),
                faultCode == null ? "-" : faultCode,
                caller()));
    }

    /** Every REST call recorded so far in this run. */
    public static List<RestCall> restCalls() {
        return lines().stream()
                .map(line -> line.split("\t", -1))
                .filter(f -> f.length >= 6 && f[0].equals("REST"))
                .map(f -> new RestCall(f[1], f[2], Integer.parseInt(f[3]), f[4].equals("location"), f[5]))
                .toList();
    }

    /** Every SOAP call recorded so far in this run. */
    public static List<SoapCall> soapCalls() {
        return lines().stream()
                .map(line -> line.split("\t", -1))
                .filter(f -> f.length >= 6 && f[0].equals("SOAP"))
                .map(f -> new SoapCall(f[1], f[2], Integer.parseInt(f[3]), f[4].equals("-") ? null : f[4], f[5]))
                .toList();
    }

    /**
     * This run's lines, and those of the files named in {@code it.contract.replay} (comma-separated:
     * the observations of an earlier run, kept aside, to check a changed document against them
     * without running every test again).
     */
    private static List<String> lines() {
        List<Path> files = new ArrayList<>();
        files.add(FILE);
        for (String replay : System.getProperty("it.contract.replay", "").split(",")) {
            if (!replay.isBlank()) {
                files.add(Path.of(replay.strip()));
            }
        }
        List<String> lines = new ArrayList<>();
        try {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static synchronized void append(String line) {
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(
                    FILE,
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class and method that made the call: the first frame outside this support package. */
    private static String caller() {
        String support = ObservedCalls.class.getPackageName() + ".";
        Optional<StackWalker.StackFrame> frame = StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> f.getClassName().startsWith("org.splitcast.it.")
                                && !f.getClassName().startsWith(support))
                        .findFirst());
        return frame.map(f -> simpleName(f.getClassName()) + "." + f.getMethodName())
                .orElse("?");
    }

    private static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
