/**
 * Output files that appear whole or not at all (written under a temporary name, renamed at the
 * end), so that a failed separation or rebuild (bad input, full disk, interruption) leaves no
 * partial main stream, complementary information or rebuilt stream behind.
 */
package org.splitcast.separation.io;
