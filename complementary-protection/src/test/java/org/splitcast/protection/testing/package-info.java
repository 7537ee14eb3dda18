/**
 * Test support shared with terminal-sdk's tests (through this module's test-jar): where ffmpeg is
 * ({@link org.splitcast.protection.testing.Ffmpeg}) and the real clips it encodes ({@link
 * org.splitcast.protection.testing.Clips}).
 */
package org.splitcast.protection.testing;
