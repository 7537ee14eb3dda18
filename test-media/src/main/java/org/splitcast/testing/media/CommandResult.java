package org.splitcast.testing.media;

import java.util.List;

/**
 * What an external command did: its exit code and everything it printed.
 *
 * @param command the command line that ran
 * @param exit the exit code
 * @param stdout standard output, decoded as UTF-8
 * @param stderr standard error, decoded as UTF-8
 */
public record CommandResult(List<String> command, int exit, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    /** @return whether the command exited with 0 */
    public boolean succeeded() {
        return exit == 0;
    }

    /**
     * @param what what the command was doing, for the message
     * @return this result, if the command exited with 0
     * @throws CommandFailedException otherwise, with the command, exit code and standard error
     */
    public CommandResult requireSuccess(String what) throws CommandFailedException {
        if (exit != 0) {
            throw new CommandFailedException(what, this);
        }
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", command) + " -> exit " + exit + (stderr.isBlank() ? "" : "\n" + stderr.strip());
    }
}
