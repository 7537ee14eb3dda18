/**
 * What a terminal runs to get a license (seed 003, step 160): {@link
 * org.splitcast.terminal.sdk.LicenseClient} asks the server with a fresh nonce, verifies the answer
 * against the server's key set and unwraps the content key Kc; {@link
 * org.splitcast.terminal.sdk.TerminalKeyFiles} reads the terminal's own key.
 */
package org.splitcast.terminal.sdk;
