/**
 * Test media for every module's tests, with nothing to install: {@link
 * org.splitcast.testing.media.Ffmpeg} finds ffmpeg and ffprobe (a configured folder, the PATH, or
 * the executables shipped in the {@code org.bytedeco:ffmpeg} jar from Maven Central, extracted
 * once), {@link org.splitcast.testing.media.Clips} makes short test clips from ffmpeg's synthetic
 * sources, {@link org.splitcast.testing.media.Ffprobe} reads what a file contains, and {@link
 * org.splitcast.testing.media.VideoQuality} decodes and compares videos. Every external command
 * runs through {@link org.splitcast.testing.media.Commands}, with a timeout and its output
 * captured. Not shipped in any product artifact: modules use it with {@code <scope>test</scope>}.
 */
package org.splitcast.testing.media;
