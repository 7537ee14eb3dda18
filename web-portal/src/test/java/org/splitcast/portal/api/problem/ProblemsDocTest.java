package org.splitcast.portal.api.problem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.error.ErrorCode;

/** docs/problems.md lists every error code the server can send, with the status it sends it with. */
class ProblemsDocTest {

    @Test
    void everyErrorCodeIsInTheTableWithItsStatus() throws IOException {
        Path doc = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("docs/problems.md");
        String text = Files.readString(doc);
        List<String> missing = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            if (!text.contains("| `" + code.slug() + "` | " + code.status() + " |")) {
                missing.add(code.slug() + " (" + code.status() + ")");
            }
        }
        assertTrue(missing.isEmpty(), "docs/problems.md lacks the rows " + missing);
    }
}
