package org.splitcast.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md stays true to the source tree: its table "where each step and claim lives"
 * covers seed 003's steps 102–160 and seed 000's claims 1–10, names only modules and classes (and
 * methods) that exist, marks a row without a class as planned; its glossary defines the terms the
 * code and docs use; and the relative links of every document resolve inside the repository.
 */
class ArchitectureDocTest {

    private static final Path ROOT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** Every Java source file of the repository by simple name, and every other file by its path. */
    private static final Map<String, List<Path>> JAVA = new HashMap<>();

    private static String doc;

    @BeforeAll
    static void read() throws IOException {
        doc = Files.readString(ROOT.resolve("docs/architecture.md"));
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !ROOT.relativize(p).toString().contains("target/"))
                    .forEach(p -> JAVA.computeIfAbsent(
                                    p.getFileName().toString().replace(".java", ""), k -> new ArrayList<>())
                            .add(p));
        }
    }

    @Test
    void theTableCoversEveryStepOfSeed003AndEveryClaimOfSeed000() {
        Set<String> steps = firstColumn(table("Seed 003"));
        Set<String> claims = firstColumn(table("Seed 000"));
        List<String> missing = new ArrayList<>();
        for (int step : new int[] {102, 104, 112, 114, 120, 122, 124, 126, 130, 140, 141, 142, 144, 146, 150, 160}) {
            if (!steps.contains(Integer.toString(step))) {
                missing.add("step " + step);
            }
        }
        for (int claim = 1; claim <= 10; claim++) {
            if (!claims.contains(Integer.toString(claim))) {
                missing.add("claim " + claim);
            }
        }
        assertTrue(missing.isEmpty(), "docs/architecture.md §5 lacks " + missing);
    }

    @Test
    void everyClassMethodAndModuleTheTableNamesExists() {
        List<String> wrong = new ArrayList<>();
        for (String heading : List.of("Seed 003", "Seed 000")) {
            for (List<String> row : table(heading)) {
                String modules = row.get(2);
                String classes = row.get(3);
                if (classes.isBlank() && !modules.contains("planned")) {
                    wrong.add(heading + " row " + row.get(0) + ": no class and not marked planned");
                }
                Matcher module = CODE.matcher(modules);
                while (module.find()) {
                    if (!Files.isRegularFile(ROOT.resolve(module.group(1)).resolve("pom.xml"))) {
                        wrong.add(heading + " row " + row.get(0) + ": no module " + module.group(1));
                    }
                }
                Matcher name = CODE.matcher(classes);
                while (name.find()) {
                    String problem = resolve(name.group(1));
                    if (problem != null) {
                        wrong.add(heading + " row " + row.get(0) + ": " + problem);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), () -> "docs/architecture.md §5:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void theGlossaryDefinesTheTermsTheProjectUses() {
        String glossary = doc.substring(doc.indexOf("## 6. Glossary"));
        Set<String> terms = new TreeSet<>();
        for (String line : glossary.lines().toList()) {
            if (line.startsWith("| ") && !line.startsWith("| term") && !line.startsWith("|---")) {
                for (String term : line.substring(2, line.indexOf(" |", 1)).split(",")) {
                    terms.add(term.strip());
                }
            }
        }
        List<String> undefined = new ArrayList<>();
        for (String term : List.of(
                "seed 000",
                "claim",
                "step",
                "access block",
                "grant",
                "complementary information",
                "KT",
                "Kc",
                "SK",
                "TEK")) {
            if (!terms.contains(term)) {
                undefined.add(term);
            }
        }
        assertTrue(undefined.isEmpty(), "the glossary does not define " + undefined + " (it has " + terms + ")");
    }

    @Test
    void everyRelativeLinkOfTheDocumentsResolvesInsideTheRepository() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        for (Path document : documents) {
            Matcher m = link.matcher(Files.readString(document));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                Path resolved = document.getParent().resolve(target).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(document) + " → " + target);
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> "links that do not resolve:\n  " + String.join("\n  ", broken));
    }

    /**
     * Null if the name exists: a class ({@code DefaultLicenseIssuer}), a method of one ({@code
     * PrecomputedAccessStore.find}), a table a migration creates ({@code license_issue}), a file
     * ({@code webapp/app/portal.js}); a command line (with a space) is not checked.
     */
    private static String resolve(String name) {
        if (name.contains(" ")) {
            return null;
        }
        if (name.contains("/")) {
            try (Stream<Path> files = Files.walk(ROOT)) {
                return files.anyMatch(p -> p.toString().endsWith("/" + name)
                                && !ROOT.relativize(p).toString().contains("target/"))
                        ? null
                        : "no file " + name;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (name.matches("[a-z][a-z0-9]*(_[a-z0-9]+)+")) {
            return tableExists(name) ? null : "no migration creates the table " + name;
        }
        String[] parts = name.split("\\.", 2);
        List<Path> sources = JAVA.get(parts[0]);
        if (sources == null) {
            return "no class " + parts[0] + " in the source tree";
        }
        if (parts.length == 2) {
            Pattern method = Pattern.compile("\\b" + Pattern.quote(parts[1]) + "\\s*\\(");
            boolean found = sources.stream().anyMatch(p -> {
                try {
                    return method.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!found) {
                return "no method " + parts[1] + " in " + parts[0];
            }
        }
        return null;
    }

    /** A Flyway migration of some module creates that table. */
    private static boolean tableExists(String table) {
        Pattern create = Pattern.compile(
                "create\\s+table\\s+(if\\s+not\\s+exists\\s+)?" + table + "\\b", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".sql"))
                    .filter(p -> !ROOT.relativize(p).toString().contains("target/"))
                    .anyMatch(p -> {
                        try {
                            return create.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows (cells, stripped) of the table that follows the line starting with {@code heading}. */
    private static List<List<String>> table(String heading) {
        int at = doc.indexOf("\n" + heading);
        assertTrue(at >= 0, "no table after '" + heading + "'");
        List<List<String>> rows = new ArrayList<>();
        boolean started = false;
        for (String line : doc.substring(at + 1).lines().skip(1).toList()) {
            if (line.startsWith("|")) {
                started = true;
                if (line.startsWith("|---") || line.startsWith("| step") || line.startsWith("| claim")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                    cells.add(cell.strip());
                }
                rows.add(cells);
            } else if (started) {
                break;
            }
        }
        return rows;
    }

    /** The steps or claims of a table's first column: {@code 140, 141} counts as both. */
    private static Set<String> firstColumn(List<List<String>> rows) {
        Set<String> keys = new TreeSet<>();
        for (List<String> row : rows) {
            for (String key : row.get(0).split(",")) {
                keys.add(key.strip());
            }
        }
        return keys;
    }
}
