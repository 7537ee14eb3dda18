// Playing a title in this browser, as `splitcast-terminal play` does
// (docs/protected-complementary-format.md §8.3): the license was verified and Kc unwrapped with
// this browser's non-extractable private key (browser-terminal.js); here the page fetches the
// public main stream and the sealed complementary chunks, opens each envelope with a key derived
// from Kc (which stays a non-extractable CryptoKey), applies the chunks with every check of the
// container, transmuxes the rebuilt MPEG-TS to fragmented MP4 with mux.js (a WebJar) and plays it
// through Media Source Extensions. "What a pirate gets" plays the public main stream alone.
import {ApiError, getBytes, seg} from './api.js';
import {announce, h, replace} from './ui.js';
import {ENVELOPE, EnvelopeOpener, parseChunk, parseHeader, parseTrailer, Rebuilder, RebuildError} from './complementary.js';
import {KeyframeCutter, TsError} from './ts-pieces.js';

const MUX_JS = '/webjars/mux.js/5.11.1/dist/mux.min.js';
/** Chunks asked for in one request (2 s each): a piece of 8 s of the stream. */
const BATCH = 4;
/** Bytes of the main stream asked for in one request when it plays alone (a multiple of 188). */
const PIRATE_PIECE = 188 * 5577;
/** Seconds buffered ahead of the playback position before the page fetches more. */
const AHEAD_SECONDS = 20;
/** Seconds kept behind the playback position; older media is removed from the SourceBuffer. */
const BEHIND_SECONDS = 10;
const NOT_READY_WAIT_MS = 2000;
const NOT_READY_PATIENCE_MS = 60_000;

let muxLoading = null;

/** Loads mux.js once (a classic script: its UMD bundle sets globalThis.muxjs). */
function loadMux() {
    if (globalThis.muxjs) {
        return Promise.resolve(globalThis.muxjs);
    }
    muxLoading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = MUX_JS;
        script.onload = () => globalThis.muxjs ? resolve(globalThis.muxjs) : reject(new Error('mux.js did not load'));
        script.onerror = () => {
            muxLoading = null;
            reject(new Error('The transmuxer (mux.js) could not be loaded.'));
        };
        document.head.append(script);
    });
    return muxLoading;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Thrown when a newer Play (or the pirate toggle) replaced this playback. */
class Stopped extends Error {}

/** A delivery request; 409 not-ready is asked again every 2 s for up to 60 s (§8.3 step 4). */
async function delivery(path, signal) {
    const deadline = Date.now() + NOT_READY_PATIENCE_MS;
    for (;;) {
        try {
            const reply = await getBytes(path);
            stopIf(signal);
            return reply;
        } catch (e) {
            if (!(e instanceof ApiError && e.code === 'not-ready' && Date.now() < deadline)) {
                throw e;
            }
            await sleep(NOT_READY_WAIT_MS);
            stopIf(signal);
        }
    }
}

function stopIf(signal) {
    if (signal.aborted) {
        throw new Stopped();
    }
}

function chunkRange(headers) {
    const served = /^(\d+)\.\.(\d+)$/.exec(headers.get('Splitcast-Chunks') ?? '');
    return served ? [Number(served[1]), Number(served[2])] : null;
}

/**
 * Bytes [first, last] of the public main stream (a Range request); checks the 206 and its
 * Content-Range. Resolves to {bytes, length} (length: the whole stream's, from Content-Range).
 */
async function mainRange(contentId, first, last, signal) {
    const reply = await getBytes(`/media/${seg(contentId)}/main.ts`, {Range: `bytes=${first}-${last}`});
    stopIf(signal);
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(reply.headers.get('Content-Range') ?? '');
    if (reply.status !== 206 || !range || Number(range[1]) !== first || Number(range[2]) !== last
        || reply.bytes.length !== last - first + 1) {
        throw new RebuildError('The server did not send the part of the main stream that was asked for.');
    }
    return {bytes: reply.bytes, length: Number(range[3])};
}

/**
 * Rebuilds the original transport stream piece by piece: the header, then for each batch of
 * chunks the sealed chunks and the main stream's bytes of their ranges (a Range request), each
 * chunk opened, checked and applied, the rebuilt bytes handed to sink(bytes) (which waits while
 * enough is buffered ahead); the trailer last. progress(done, total) is called after each batch.
 */
async function rebuild(contentId, terminalId, verified, sink, progress, signal) {
    if (Date.now() / 1000 > verified.expires) {
        throw new RebuildError('The license has expired: pick the title again for a new one.');
    }
    const base = `/api/contents/${seg(contentId)}/complementary?terminalId=${seg(terminalId)}&chunks=`;
    const headerReply = await delivery(`${base}header`, signal);
    const keyId = decodeURIComponent(headerReply.headers.get('Splitcast-Key-Id') ?? '');
    if (keyId !== verified.keyId) {
        throw new RebuildError('The chunks are sealed under another content key than the license\'s (the operator rotated it): pick the title again.');
    }
    const count = Number(headerReply.headers.get('Splitcast-Chunk-Count'));
    if (!Number.isSafeInteger(count) || count < 1) {
        throw new RebuildError('The server did not say how many chunks the title has.');
    }
    const opener = new EnvelopeOpener(verified.contentKey, 'on-demand', contentId, verified.keyId);
    const opened = await opener.open(headerReply.bytes, 0, ENVELOPE.HEADER, 0);
    if (opened.end !== headerReply.bytes.length) {
        throw new RebuildError('malformed header response: bytes after its envelope');
    }
    const rebuilder = new Rebuilder(parseHeader(opened.record));
    let mainLength = null;
    for (let next = 0; next < count;) {
        const reply = await delivery(`${base}${next}..${Math.min(count - 1, next + BATCH - 1)}`, signal);
        const served = chunkRange(reply.headers);
        if (!served || served[0] !== next) {
            throw new RebuildError('The server answered other chunks than asked.');
        }
        const chunks = [];
        let offset = 0;
        // a body cut short keeps its whole envelopes: the next request starts after them
        while (offset < reply.bytes.length && next + chunks.length <= served[1]) {
            let envelope;
            try {
                envelope = await opener.open(reply.bytes, offset, ENVELOPE.CHUNK, next + chunks.length);
            } catch (e) {
                if (chunks.length && /truncated/.test(e.message)) {
                    break;
                }
                throw e;
            }
            const chunk = parseChunk(envelope.record);
            if (chunk.index !== next + chunks.length) {
                throw new RebuildError(`chunk ${chunk.index} arrived in the place of chunk ${next + chunks.length}`);
            }
            chunks.push(chunk);
            offset = envelope.end;
        }
        if (!chunks.length) {
            throw new RebuildError('The server sent no chunk.');
        }
        const first = chunks[0].mainOffset;
        const end = chunks.at(-1).mainOffset + chunks.at(-1).mainLength;
        if (end > first) {
            const main = await mainRange(contentId, first, end - 1, signal);
            if (mainLength === null) {
                rebuilder.checkMainLength(main.length);
                mainLength = main.length;
            }
            for (const chunk of chunks) {
                const at = chunk.mainOffset - first;
                await rebuilder.apply(chunk, main.bytes.subarray(at, at + chunk.mainLength));
            }
            next += chunks.length;
            progress(next, count);
            await sink(main.bytes);
        } else {
            for (const chunk of chunks) {
                await rebuilder.apply(chunk, new Uint8Array(0));
            }
            next += chunks.length;
        }
    }
    const trailerReply = await delivery(`${base}trailer`, signal);
    const trailer = await opener.open(trailerReply.bytes, 0, ENVELOPE.TRAILER, count);
    await rebuilder.finish(parseTrailer(trailer.record), mainLength ?? 0);
}

/** The public main stream alone, in pieces (Range requests), handed to sink(bytes). */
async function mainStreamAlone(contentId, sink, signal) {
    let length = Infinity;
    for (let first = 0; first < length;) {
        const last = Math.min(length, first + PIRATE_PIECE) - 1;
        const piece = await mainRange(contentId, first, last, signal);
        length = piece.length;
        first = last + 1;
        await sink(piece.bytes);
    }
}

function appendTo(buffer, bytes) {
    return new Promise((resolve, reject) => {
        const done = () => {
            buffer.removeEventListener('error', failed);
            resolve();
        };
        const failed = () => {
            buffer.removeEventListener('updateend', done);
            reject(new RebuildError('The browser refused the transmuxed media.'));
        };
        buffer.addEventListener('updateend', done, {once: true});
        buffer.addEventListener('error', failed, {once: true});
        try {
            buffer.appendBuffer(bytes);
        } catch (e) {
            buffer.removeEventListener('updateend', done);
            buffer.removeEventListener('error', failed);
            reject(e);
        }
    });
}

function removeFrom(buffer, start, end) {
    return new Promise(resolve => {
        buffer.addEventListener('updateend', resolve, {once: true});
        buffer.remove(start, end);
    });
}

/**
 * Plays a transport stream that arrives in pieces through Media Source Extensions: each piece is
 * cut at video key frames (ts-pieces.js), transmuxed by one mux.js Transmuxer keeping the stream's
 * own timestamps, and appended; playback starts after the first piece. The page holds at most
 * AHEAD_SECONDS of media ahead of the playback position (push waits) and removes what is more
 * than BEHIND_SECONDS behind it; a full SourceBuffer (QuotaExceededError) waits for playback to
 * move on and tries again.
 */
class ProgressivePlayer {
    constructor(video, signal, onStart) {
        this.video = video;
        this.signal = signal;
        this.onStart = onStart;
        this.cutter = new KeyframeCutter();
        this.buffer = null;
        this.source = null;
        this.started = false;
        this.codecs = null;
    }

    async open() {
        const muxjs = await loadMux();
        stopIf(this.signal);
        this.transmuxer = new muxjs.mp4.Transmuxer({keepOriginalTimestamps: true});
        this.segments = [];
        this.transmuxer.on('data', segment => this.segments.push(segment));
        this.muxjs = muxjs;
        this.source = new MediaSource();
        const url = URL.createObjectURL(this.source);
        const previous = this.video.dataset.url;
        this.video.src = url;
        this.video.dataset.url = url;
        if (previous) {
            URL.revokeObjectURL(previous);
        }
        await new Promise(resolve => this.source.addEventListener('sourceopen', resolve, {once: true}));
        stopIf(this.signal);
    }

    /** Seconds buffered ahead of the playback position. */
    ahead() {
        const v = this.video;
        for (let i = 0; i < v.buffered.length; i++) {
            if (v.buffered.end(i) >= v.currentTime && v.buffered.start(i) <= v.currentTime + 0.5) {
                return v.buffered.end(i) - v.currentTime;
            }
        }
        return 0;
    }

    /** Resolves when playback moved (a timeupdate) or after a second. */
    moved() {
        return new Promise(resolve => {
            const done = () => {
                clearTimeout(timer);
                this.video.removeEventListener('timeupdate', done);
                resolve();
            };
            const timer = setTimeout(done, 1000);
            this.video.addEventListener('timeupdate', done, {once: true});
        });
    }

    /** Rebuilt (or main-stream) bytes, in stream order. */
    async push(bytes) {
        for (const piece of this.cutter.push(bytes)) {
            await this.play(piece);
        }
        // bounded memory: no more than AHEAD_SECONDS ahead of the playback position
        while (this.started && this.ahead() > AHEAD_SECONDS) {
            this.failedIfDecoderStopped();
            await this.moved();
            stopIf(this.signal);
        }
    }

    async end() {
        const rest = this.cutter.end();
        if (rest.length) {
            await this.play(rest);
        }
        if (!this.started) {
            throw new RebuildError('No audio or video found in the stream.');
        }
        if (this.source.readyState === 'open') {
            this.source.endOfStream();
        }
    }

    failedIfDecoderStopped() {
        if (this.video.error) {
            throw new DecoderStopped();
        }
    }

    /** Transmuxes one piece (starting with a key frame) and appends it. */
    async play(piece) {
        this.segments = [];
        this.transmuxer.push(piece);
        this.transmuxer.flush();
        for (const segment of this.segments) {
            if (!this.buffer) {
                if (!segment.initSegment) {
                    continue;
                }
                this.codecs = this.muxjs.mp4.probe.tracks(segment.initSegment).map(t => t.codec).filter(Boolean);
                const type = `video/mp4; codecs="${this.codecs.join(', ')}"`;
                if (!MediaSource.isTypeSupported(type)) {
                    throw new RebuildError(`This browser cannot play ${this.codecs.join(' and ')} through Media Source Extensions.`);
                }
                this.buffer = this.source.addSourceBuffer(type);
                await this.append(segment.initSegment);
            }
            await this.append(segment.data);
        }
        if (this.buffer && !this.started && this.video.buffered.length) {
            this.started = true;
            // the stream's own clock: playback starts where its first frame is
            const start = this.video.buffered.start(0);
            this.video.currentTime = start;
            this.video.dataset.start = String(start);
            this.onStart(this.codecs);
            try {
                await this.video.play();
            } catch (e) {
                // autoplay refused: the controls are there
            }
        }
    }

    /** Appends, first removing what is far behind; on a full buffer waits for playback to move on. */
    async append(bytes) {
        for (;;) {
            stopIf(this.signal);
            this.failedIfDecoderStopped();
            const behind = this.video.currentTime - BEHIND_SECONDS;
            if (this.video.buffered.length && this.video.buffered.start(0) < behind - 1) {
                await removeFrom(this.buffer, 0, behind);
            }
            try {
                await appendTo(this.buffer, bytes);
                return;
            } catch (e) {
                this.failedIfDecoderStopped();
                if (e.name !== 'QuotaExceededError' || !this.started) {
                    throw e;
                }
                await this.moved();
            }
        }
    }
}

/** The browser's decoder stopped (video.error): reported by the video's error listener. */
class DecoderStopped extends Error {}

/**
 * Adds the player to a license panel. verified: what verifyLicense returned (its contentKey is
 * the non-extractable Kc).
 */
export function attachPlayer(panel, {contentId, title}, terminalId, verified) {
    const status = h('p', {class: 'player-status', id: 'player-status', role: 'status', 'aria-live': 'polite'});
    const bar = h('progress', {id: 'player-progress', max: 1, value: 0, 'aria-label': 'Chunks rebuilt', hidden: true});
    const video = h('video', {id: 'player-video', controls: true, playsinline: true, preload: 'none',
        'aria-label': `Player: ${title}`, 'aria-describedby': 'player-status'});
    const pirate = h('input', {type: 'checkbox', id: 'pirate'});
    const play = h('button', {type: 'button', id: 'play'}, 'Play', h('span', {class: 'sr-only'}, ` ${title}`));
    let playing = null;
    let played = false;

    function say(text) {
        status.textContent = text;
    }

    /** Plays (again) in the mode the check box says, stopping a playback still under way. */
    async function start() {
        playing?.abort();
        const controller = new AbortController();
        playing = controller;
        const signal = controller.signal;
        const mode = pirate.checked ? 'pirate' : 'licensed';
        video.dataset.mode = mode;
        video.dataset.state = 'loading';
        delete video.dataset.error;
        delete video.dataset.start;
        delete video.dataset.complete;
        status.removeAttribute('title');
        bar.hidden = mode === 'pirate';
        bar.value = 0;
        try {
            const player = new ProgressivePlayer(video, signal, codecs => {
                played = true;
                // an error from here on is reported by the video's error listener
                video.dataset.state = 'playing';
                say(mode === 'pirate'
                    ? `Playing the public main stream without the complementary information (${codecs.join(', ')}): this is what a pirate gets.`
                    : `Playing the rebuilt original (${codecs.join(', ')}) as it arrives: every chunk opened with this browser's key and checked.`);
                announce(mode === 'pirate' ? 'Playing the main stream alone' : `Playing ${title}`);
            });
            await player.open();
            const sink = bytes => player.push(bytes);
            if (mode === 'pirate') {
                say('Fetching the public main stream alone…');
                await mainStreamAlone(contentId, sink, signal);
            } else {
                say('Fetching the main stream and the sealed chunks…');
                await rebuild(contentId, terminalId, verified, sink, (done, total) => {
                    bar.value = done / total;
                    if (video.dataset.state === 'loading') {
                        say(`Rebuilding: ${done} of ${total} chunks opened and applied…`);
                    }
                }, signal);
            }
            await player.end();
            video.dataset.complete = 'true';
            if (mode === 'licensed') {
                say(`Playing the rebuilt original (${player.codecs.join(', ')}): the whole stream is in, every chunk and the trailer checked.`);
            }
        } catch (e) {
            if (e instanceof Stopped || signal.aborted) {
                return;
            }
            if (video.error || e instanceof DecoderStopped) {
                decoderStopped();
                return;
            }
            video.dataset.state = 'failed';
            say(e instanceof RebuildError || e instanceof ApiError || e instanceof TsError ? e.message : `Playback failed: ${e.message}`);
        } finally {
            if (playing === controller) {
                bar.hidden = true;
            }
        }
    }

    play.addEventListener('click', start);
    pirate.addEventListener('change', () => {
        if (played) {
            start();
        }
    });
    function decoderStopped() {
        if (!video.error || video.dataset.state === 'decode-error') {
            return;
        }
        const why = video.error.message || `media error ${video.error.code}`;
        video.dataset.state = 'decode-error';
        video.dataset.error = `${video.error.code} ${why}`;
        // the decoder's own words stay in data-error (and the tooltip): too technical to read
        status.title = why;
        say(video.dataset.mode === 'pirate'
            ? 'The browser\'s video decoder refuses the main stream alone at its first frame: without the complementary information, a pirate gets no picture here, and from a tolerant player (ffmpeg, ffplay) a grey, broken one.'
            : 'The browser\'s video decoder stopped: the rebuilt stream could not be decoded.');
    }

    video.addEventListener('error', () => {
        if (video.error) {
            decoderStopped();
        }
    });
    const section = h('section', {class: 'player', id: 'player', 'aria-labelledby': 'player-title'},
        h('h3', {id: 'player-title'}, 'Play in this browser'),
        h('div', {class: 'player-controls'},
            play,
            h('label', {class: 'check', for: 'pirate'}, pirate,
                ' What a pirate gets: the public main stream without the complementary information')),
        bar, status, video);
    panel.append(section);
    replace(status, 'The license is verified: Play fetches, opens and applies the chunks here.');
    return section;
}
