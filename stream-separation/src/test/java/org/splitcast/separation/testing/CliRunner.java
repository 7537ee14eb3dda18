package org.splitcast.separation.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.splitcast.separation.cli.SeparateCommand;

/** Runs {@code splitcast-separate} in process and captures what it prints. */
public final class CliRunner {

    /** Exit code, text output and error output of one run. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private CliRunner() {}

    public static Result run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), args);
    }

    public static Result run(InputStream stdin, OutputStream binaryOut, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = SeparateCommand.run(args, stdin, binaryOut, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
