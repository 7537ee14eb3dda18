/**
 * Test support for the terminal SDK: a fake license server on the JDK's HTTP server that issues
 * real licenses (steps 142 and 144) with keys generated in the test, and terminal key files.
 */
package org.splitcast.terminal.testing;
