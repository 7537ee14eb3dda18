/**
 * The HTTP delivery contract of on-demand playback (docs/protected-complementary-format.md §8):
 * header and parameter names, problem codes and the {@code chunks} selection, shared by the server
 * and the terminal SDK.
 */
package org.splitcast.protection.wire;
