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

const MUX_JS = '/webjars/mux.js/5.11.1/dist/mux.min.js';
const BATCH = 16;
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

/** A delivery request; 409 not-ready is asked again every 2 s for up to 60 s (§8.3 step 4). */
async function delivery(path) {
    const deadline = Date.now() + NOT_READY_PATIENCE_MS;
    for (;;) {
        try {
            return await getBytes(path);
        } catch (e) {
            if (!(e instanceof ApiError && e.code === 'not-ready' && Date.now() < deadline)) {
                throw e;
            }
            await sleep(NOT_READY_WAIT_MS);
        }
    }
}

function chunkRange(headers) {
    const served = /^(\d+)\.\.(\d+)$/.exec(headers.get('Splitcast-Chunks') ?? '');
    return served ? [Number(served[1]), Number(served[2])] : null;
}

/**
 * Rebuilds the original transport stream: header, main stream, chunks in batches of 16, trailer.
 * progress(done, total) is called after each batch.
 */
async function rebuild(contentId, terminalId, verified, progress) {
    if (Date.now() / 1000 > verified.expires) {
        throw new RebuildError('The license has expired: pick the title again for a new one.');
    }
    const base = `/api/contents/${seg(contentId)}/complementary?terminalId=${seg(terminalId)}&chunks=`;
    const mainRequest = getBytes(`/media/${seg(contentId)}/main.ts`);
    mainRequest.catch(() => {});
    const headerReply = await delivery(`${base}header`);
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
    const header = parseHeader(opened.record);
    const main = (await mainRequest).bytes;
    const rebuilder = new Rebuilder(header, main);
    for (let next = 0; next < count;) {
        const reply = await delivery(`${base}${next}..${Math.min(count - 1, next + BATCH - 1)}`);
        const served = chunkRange(reply.headers);
        if (!served || served[0] !== next) {
            throw new RebuildError('The server answered other chunks than asked.');
        }
        let offset = 0;
        const first = next;
        // a body cut short keeps its whole envelopes: the next request starts after them
        while (offset < reply.bytes.length && next <= served[1]) {
            let envelope;
            try {
                envelope = await opener.open(reply.bytes, offset, ENVELOPE.CHUNK, next);
            } catch (e) {
                if (next > first && /truncated/.test(e.message)) {
                    break;
                }
                throw e;
            }
            const chunk = parseChunk(envelope.record);
            if (chunk.index !== next) {
                throw new RebuildError(`chunk ${chunk.index} arrived in the place of chunk ${next}`);
            }
            await rebuilder.apply(chunk);
            offset = envelope.end;
            next++;
        }
        if (next === first) {
            throw new RebuildError('The server sent no chunk.');
        }
        progress(next, count);
    }
    const trailerReply = await delivery(`${base}trailer`);
    const trailer = await opener.open(trailerReply.bytes, 0, ENVELOPE.TRAILER, count);
    return rebuilder.finish(parseTrailer(trailer.record));
}

/** MPEG-TS to fragmented MP4 (mux.js), keeping the stream's own timestamps. */
async function transmux(ts) {
    const muxjs = await loadMux();
    const transmuxer = new muxjs.mp4.Transmuxer({keepOriginalTimestamps: true});
    const segments = [];
    transmuxer.on('data', segment => segments.push(segment));
    transmuxer.push(ts);
    transmuxer.flush();
    if (!segments.length || !segments[0].initSegment) {
        throw new RebuildError('No audio or video found in the stream.');
    }
    const codecs = muxjs.mp4.probe.tracks(segments[0].initSegment).map(t => t.codec).filter(Boolean);
    return {segments, type: `video/mp4; codecs="${codecs.join(', ')}"`, codecs};
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
        buffer.appendBuffer(bytes);
    });
}

/** Plays a transport stream in the video element through Media Source Extensions. */
async function playStream(video, ts) {
    const {segments, type, codecs} = await transmux(ts);
    if (!('MediaSource' in window) || !MediaSource.isTypeSupported(type)) {
        throw new RebuildError(`This browser cannot play ${codecs.join(' and ')} through Media Source Extensions.`);
    }
    const source = new MediaSource();
    const url = URL.createObjectURL(source);
    const previous = video.dataset.url;
    video.src = url;
    video.dataset.url = url;
    if (previous) {
        URL.revokeObjectURL(previous);
    }
    await new Promise(resolve => source.addEventListener('sourceopen', resolve, {once: true}));
    const buffer = source.addSourceBuffer(type);
    await appendTo(buffer, segments[0].initSegment);
    for (const segment of segments) {
        await appendTo(buffer, segment.data);
    }
    source.endOfStream();
    // the stream's own clock: playback starts where its first frame is
    const start = video.buffered.length ? video.buffered.start(0) : 0;
    video.currentTime = start;
    video.dataset.start = String(start);
    try {
        await video.play();
    } catch (e) {
        // autoplay refused: the controls are there
    }
    return codecs;
}

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
    let running = false;
    let played = false;

    function say(text) {
        status.textContent = text;
    }

    async function start() {
        if (running) {
            return;
        }
        running = true;
        play.disabled = true;
        const mode = pirate.checked ? 'pirate' : 'licensed';
        video.dataset.mode = mode;
        video.dataset.state = 'loading';
        bar.hidden = mode === 'pirate';
        bar.value = 0;
        try {
            let ts;
            if (mode === 'pirate') {
                say('Fetching the public main stream alone…');
                ts = (await getBytes(`/media/${seg(contentId)}/main.ts`)).bytes;
            } else {
                say('Fetching the main stream and the sealed chunks…');
                ts = await rebuild(contentId, terminalId, verified, (done, total) => {
                    bar.value = done / total;
                    say(`Rebuilding: ${done} of ${total} chunks opened and applied…`);
                });
            }
            say('Transmuxing…');
            const codecs = await playStream(video, ts);
            played = true;
            if (video.error) {
                decoderStopped();
                return;
            }
            // an error from here on is reported by the video's error listener
            video.dataset.state = 'playing';
            say(mode === 'pirate'
                ? `Playing the public main stream without the complementary information (${codecs.join(', ')}): this is what a pirate gets.`
                : `Playing the rebuilt original (${codecs.join(', ')}): every chunk opened with this browser's key and checked.`);
            announce(mode === 'pirate' ? 'Playing the main stream alone' : `Playing ${title}`);
        } catch (e) {
            video.dataset.state = 'failed';
            say(e instanceof RebuildError || e instanceof ApiError ? e.message : `Playback failed: ${e.message}`);
        } finally {
            running = false;
            play.disabled = false;
            bar.hidden = true;
        }
    }

    play.addEventListener('click', start);
    pirate.addEventListener('change', () => {
        if (played) {
            start();
        }
    });
    function decoderStopped() {
        const why = video.error.message || `media error ${video.error.code}`;
        video.dataset.state = 'decode-error';
        video.dataset.error = `${video.error.code} ${why}`;
        say(video.dataset.mode === 'pirate'
            ? `The browser's decoder refuses the main stream alone (${why}): without the complementary information a pirate gets no picture here, and broken pictures from a tolerant player.`
            : `The browser's decoder stopped (${why}).`);
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
