package org.splitcast.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Media;
import org.splitcast.testing.media.ClipSpec;
import org.splitcast.testing.media.Clips;
import org.splitcast.testing.media.Ffmpeg;

/**
 * The browser as a terminal, playing (issue 15 item 3): the operator's dashboard lists the ingest;
 * alice registers this browser, picks the title, and the page rebuilds the stream from the public
 * main stream and the sealed chunks with WebCrypto, transmuxes it with mux.js and plays it through
 * Media Source Extensions. A frame grabbed from the {@code <video>} matches the original's frame at
 * that time as ffmpeg decodes it (PSNR ≥ 30 dB); the main stream alone ("what a pirate gets")
 * does not (≤ 15 dB).
 */
class PlaybackBrowserIT extends DeployedEar {

    /** Where the frames are compared: 2.5 s into the stream, half a frame after a frame starts. */
    private static final double SEEK_SECONDS = 2.52;

    /** The clip's length: 2 × the page's look-ahead of 20 s (player.js AHEAD_SECONDS). */
    private static final int CLIP_SECONDS = 40;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theRebuiltStreamPlaysAndMatchesTheOriginalWhileTheMainStreamAloneDoesNot() throws Exception {
        // a 40 s H.264 + AAC test pattern whose colour space is written in the stream (BT.709, TV
        // range), so that Chromium and ffmpeg turn it into RGB with the same matrix; a key frame
        // every 2 s, as broadcast streams have, so that the page can play it piece by piece. 40 s
        // is twice the page's look-ahead (20 s): the last chunks cannot have been fetched when
        // playback passes 2 s, unless the page fetched the whole stream first
        Path clip = Clips.cached(
                ClipSpec.builder()
                        .testPattern(640, 360, 25, CLIP_SECONDS)
                        .tone(440, 48_000, CLIP_SECONDS)
                        .args(
                                "-c:v",
                                "libx264",
                                "-g",
                                "50",
                                "-pix_fmt",
                                "yuv420p",
                                "-colorspace",
                                "bt709",
                                "-color_primaries",
                                "bt709",
                                "-color_trc",
                                "bt709",
                                "-color_range",
                                "tv",
                                "-c:a",
                                "aac",
                                "-b:a",
                                "128k")
                        .format("mpegts")
                        .build(),
                Media.work().resolve("h264-aac-bt709-g50-" + CLIP_SECONDS + "s.ts"));
        String content = Api.unique("pattern");
        Api.post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                        {"id": "%s", "title": "Test pattern %s", "genre": "animation", "durationSeconds": %d}"""
                                .formatted(content, content, CLIP_SECONDS))
                .expect(201);
        Media.ingest(content, clip);
        Licensing.entitle("alice", content);

        // the operator sees the ingest
        browser.open("/");
        browser.signIn("operator", "splitcast-operator");
        browser.awaitText("#view h1", "Operator dashboard");
        WebElement job = browser.visible("#panel-ingests tr[data-content-id='" + content + "']");
        assertEquals("READY", job.getAttribute("data-state"));
        assertTrue(job.getText().contains("ready"), job.getText());
        // the live groups panel: "No live channels." unless the server runs live groups
        String liveGroups = browser.await(
                "the live groups read", d -> browser.find("#panel-live").getAttribute("data-items"));
        if (liveGroups.equals("0")) {
            assertTrue(browser.text("#panel-live").contains("No live channels."), browser.text("#panel-live"));
        }
        browser.find("#sign-out").click();

        // alice: this browser becomes a terminal, then picks the title with it
        browser.signIn("alice", "alice-demo-pw");
        browser.awaitText("#who-name", "alice");
        browser.find("#nav a[data-route='terminals']").click();
        String terminal = Api.unique("browser");
        browser.visible("#terminal-label").sendKeys("This browser");
        browser.find("#terminal-id").sendKeys(terminal, Keys.ENTER);
        browser.visible("#terminals tr[data-terminal-id='" + terminal + "']");
        browser.find("#nav a[data-route='catalogue']").click();
        new Select(browser.visible("#terminal-choice")).selectByValue(terminal);
        browser.visible("#catalogue-search").sendKeys(content);
        WebElement pick = browser.await(
                "the title with its Pick button",
                d -> d.findElements(By.cssSelector("#catalogue li[data-content-id='" + content + "'] button")).stream()
                        .findFirst()
                        .orElse(null));
        pick.sendKeys(Keys.ENTER);
        browser.awaitText("#license .verification", "verified in this browser");
        browser.assertControlsLabelled();

        // Play, with the keyboard
        browser.visible("#play").sendKeys(Keys.ENTER);
        awaitPlaying("licensed");
        // progressive: playing past 2 s while the last pieces are not fetched yet (the trailer is
        // asked for after the last chunk and its main-stream range), and in more than one piece
        @SuppressWarnings("unchecked")
        Map<String, Object> fetched = (Map<String, Object>)
                browser.script(
                        """
                const names = performance.getEntriesByType('resource').map(e => e.name);
                return {trailer: names.filter(n => n.includes('chunks=trailer')).length,
                    chunkRequests: names.filter(n => /chunks=\\d+\\.\\.\\d+/.test(n)).length,
                    mainRequests: names.filter(n => n.endsWith('/main.ts')).length,
                    complete: document.getElementById('player-video').dataset.complete ?? null};""");
        System.out.println("PlaybackBrowserIT: requests when playback passed 2 s: " + fetched);
        assertEquals(0L, ((Number) fetched.get("trailer")).longValue(), "trailer fetched before playing: " + fetched);
        assertTrue(fetched.get("complete") == null, "the whole stream was rebuilt before playing: " + fetched);
        assertTrue(((Number) fetched.get("mainRequests")).longValue() >= 2, "the main stream in pieces: " + fetched);
        Frame rebuilt = grab();
        screenshotOfThePlayer("player");
        double matching = psnr(clip, rebuilt.time(), rebuilt.image());
        keep("frame-rebuilt", rebuilt.image());
        keep("frame-original", ImageIO.read(decodeFrame(clip, rebuilt.time()).toFile()));

        System.out.printf(
                Locale.ROOT, "PlaybackBrowserIT: rebuilt frame at %.3f s, PSNR %.1f dB%n", rebuilt.time(), matching);
        assertTrue(matching >= 30, "the rebuilt stream's frame matches the original's: " + matching + " dB");

        // what a pirate gets: the public main stream alone. Chromium's decoder refuses it at its
        // first frame (the slice data is derailed): the video shows nothing, or garbage if a
        // later Chromium conceals the errors; either way not the original's picture
        browser.find("#pirate").sendKeys(Keys.SPACE);
        String outcome = awaitPirateOutcome();
        Frame pirate = grab();
        screenshotOfThePlayer("player-pirate");
        double garbage = psnr(clip, rebuilt.time(), pirate.image());
        keep("frame-pirate", pirate.image());
        // and what a tolerant decoder (ffmpeg, concealing errors) makes of the same frame
        Path main = Media.work().resolve(content + "-main.ts");
        Files.write(main, Media.mainStream(content));
        double concealed = psnr(
                clip,
                rebuilt.time(),
                ImageIO.read(decodeFrame(main, rebuilt.time()).toFile()));
        System.out.printf(
                Locale.ROOT,
                "PlaybackBrowserIT: main stream alone in Chromium: %s, PSNR %.1f dB; decoded by ffmpeg: PSNR %.1f dB%n",
                outcome,
                garbage,
                concealed);
        assertTrue(garbage <= 15, "the main stream alone does not show the original: " + garbage + " dB");
        assertTrue(concealed <= 15, "ffmpeg's picture of the main stream alone is garbage: " + concealed + " dB");

        // on a phone, the player fits
        browser.size(390, 844);
        browser.assertNoHorizontalScroll();
        browser.script("document.getElementById('player').scrollIntoView();");
        browser.size(1280, 800);
        browser.assertNoConsoleErrors();
    }

    /** Waits until the video plays in this mode, its readyState 4 and 2 s past its start. */
    private void awaitPlaying(String mode) {
        Object[] last = {null};
        try {
            browser.await(mode + " playback past 2 s", d -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> v = (Map<String, Object>)
                        browser.script(
                                """
                        const v = document.getElementById('player-video');
                        return {mode: v.dataset.mode, state: v.dataset.state, ready: v.readyState, time: v.currentTime,
                            start: Number(v.dataset.start ?? 'NaN'), error: v.error ? v.error.code + ' ' + v.error.message : null,
                            buffered: [...Array(v.buffered.length).keys()].map(i => v.buffered.start(i) + '-' + v.buffered.end(i)).join(' '),
                            status: document.getElementById('player-status').textContent};""");
                last[0] = v;
                if ("failed".equals(v.get("state"))) {
                    throw new AssertionError("playback failed: " + v);
                }
                return mode.equals(v.get("mode"))
                        && "playing".equals(v.get("state"))
                        && ((Number) v.get("ready")).intValue() == 4
                        && ((Number) v.get("time")).doubleValue() - ((Number) v.get("start")).doubleValue() > 2.0
                        && ((Number) v.get("time")).doubleValue() > 2.0;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(mode + " playback did not get past 2 s: " + last[0], e);
        }
    }

    /** A screenshot tall enough to show the license and the player under it. */
    private void screenshotOfThePlayer(String name) {
        browser.size(1280, 1280);
        browser.screenshot(name);
        browser.size(1280, 800);
    }

    private record Frame(double time, BufferedImage image) {}

    /**
     * Waits until the main stream alone either plays past 2 s or is refused by the decoder; returns
     * which, with the browser's message.
     */
    private String awaitPirateOutcome() {
        return browser.await("the main stream alone played or refused", d -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>)
                    browser.script(
                            """
                    const v = document.getElementById('player-video');
                    return {mode: v.dataset.mode, state: v.dataset.state, ready: v.readyState, time: v.currentTime,
                        start: Number(v.dataset.start ?? 'NaN'), error: v.dataset.error ?? null};""");
            if (!"pirate".equals(v.get("mode"))) {
                return null;
            }
            if ("decode-error".equals(v.get("state"))) {
                return "refused by the decoder (" + v.get("error") + ")";
            }
            boolean played = "playing".equals(v.get("state"))
                    && ((Number) v.get("ready")).intValue() == 4
                    && ((Number) v.get("time")).doubleValue() - ((Number) v.get("start")).doubleValue() > 2.0;
            return played ? "played" : null;
        });
    }

    /** Pauses, seeks to the compared time (a video the decoder refused shows nothing), draws the frame. */
    private Frame grab() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> grabbed = (Map<String, Object>) browser.asyncScript(
                """
                const done = arguments[arguments.length - 1];
                const v = document.getElementById('player-video');
                const draw = () => requestAnimationFrame(() => {
                  const c = document.createElement('canvas');
                  c.width = v.videoWidth || 640;
                  c.height = v.videoHeight || 360;
                  const g = c.getContext('2d');
                  g.fillStyle = '#000';
                  g.fillRect(0, 0, c.width, c.height);
                  g.drawImage(v, 0, 0);
                  done({time: v.currentTime, png: c.toDataURL('image/png')});
                });
                v.pause();
                if (v.error) {
                  draw();
                } else {
                  v.addEventListener('seeked', draw, {once: true});
                  v.currentTime = Number(v.dataset.start) + arguments[0];
                }""",
                SEEK_SECONDS);
        String png = (String) grabbed.get("png");
        byte[] bytes = Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1));
        return new Frame(((Number) grabbed.get("time")).doubleValue(), ImageIO.read(new ByteArrayInputStream(bytes)));
    }

    /**
     * PSNR (over R, G and B) of the grabbed frame against the original's frame shown at the same
     * time: ffmpeg decodes the original keeping its timestamps ({@code -copyts}, the player keeps
     * them too) and picks the frame whose presentation interval holds that time.
     */
    private static double psnr(Path original, double t, BufferedImage actual) throws IOException {
        return compare(ImageIO.read(decodeFrame(original, t).toFile()), actual);
    }

    /** Keeps a frame beside the screenshots, to look at. */
    private static void keep(String name, BufferedImage image) throws IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        ImageIO.write(image, "png", Browser.SCREENSHOTS.resolve(name + ".png").toFile());
    }

    /** The stream's frame shown at time t (its own clock), as a PNG. */
    private static Path decodeFrame(Path stream, double t) throws IOException {
        Path reference = Files.createTempFile(Media.work(), "frame-", ".png");
        Ffmpeg.locate()
                .ffmpeg(
                        Duration.ofMinutes(2),
                        List.of(
                                "-v",
                                "error",
                                "-y",
                                "-copyts",
                                "-i",
                                stream.toString(),
                                "-vf",
                                String.format(Locale.ROOT, "select='between(t,%.4f,%.4f)'", t - 0.039, t),
                                "-frames:v",
                                "1",
                                "-f",
                                "image2",
                                "-c:v",
                                "png",
                                reference.toString()))
                .requireSuccess("decoding the reference frame");
        return reference;
    }

    private static double compare(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth(), "frame width");
        assertEquals(expected.getHeight(), actual.getHeight(), "frame height");
        double squared = 0;
        long samples = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = expected.getRGB(x, y);
                int b = actual.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((a >> shift) & 0xFF) - ((b >> shift) & 0xFF);
                    squared += d * d;
                    samples++;
                }
            }
        }
        double mse = squared / samples;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
