package org.splitcast.registry.terminal;

/** Whether a terminal may still obtain licenses and session keys. */
public enum TerminalStatus {
    ACTIVE,
    /** Permanently barred; the row stays for the record until the terminal is removed. */
    REVOKED
}
