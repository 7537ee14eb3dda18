/**
 * What a terminal runs: a license (seed 003, step 160) and on-demand playback (seed 000, claims 4
 * and 10; DESIGN flow D). {@link org.splitcast.terminal.sdk.LicenseClient} asks the server with a
 * fresh nonce, verifies the answer against the server's key set and unwraps the content key Kc;
 * {@link org.splitcast.terminal.sdk.TerminalKeyFiles} reads the terminal's own key; {@link
 * org.splitcast.terminal.sdk.Player} downloads the main stream ({@link
 * org.splitcast.terminal.sdk.ResumingDownload}) and the sealed complementary information ({@link
 * org.splitcast.terminal.sdk.DeliveryClient}), opens it with Kc and rebuilds the original as it goes.
 */
package org.splitcast.terminal.sdk;
