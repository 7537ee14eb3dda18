// The terminal side of the complementary information, in WebCrypto: opening the sealed envelopes
// (docs/protected-complementary-format.md §2-§5) and applying the container's chunks to the
// public main stream (docs/complementary-format.md §3-§9). Every check of those documents is made
// here; a failure throws a RebuildError whose message says what was wrong, and nothing of a
// record that failed is used.

const ascii = text => new TextEncoder().encode(text);

/** A refusal of the complementary information or of the main stream. */
export class RebuildError extends Error {}

function fail(message) {
    throw new RebuildError(message);
}

function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
        out.set(p, at);
        at += p.length;
    }
    return out;
}

function equalBytes(a, b) {
    if (a.length !== b.length) {
        return false;
    }
    let diff = 0;
    for (let i = 0; i < a.length; i++) {
        diff |= a[i] ^ b[i];
    }
    return diff === 0;
}

function u64(value) {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, BigInt(value));
    return out;
}

// CRC-32C (Castagnoli), reflected polynomial 0x82F63B78
const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) {
            c = c & 1 ? 0x82F63B78 ^ (c >>> 1) : c >>> 1;
        }
        table[n] = c >>> 0;
    }
    return table;
})();

/** CRC32C of bytes (check value of "123456789": 0xE3069283). */
export function crc32c(bytes) {
    let c = 0xFFFFFFFF;
    for (let i = 0; i < bytes.length; i++) {
        c = CRC_TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
    }
    return (c ^ 0xFFFFFFFF) >>> 0;
}

async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

// ---- envelopes (protected-complementary-format.md §2-§5) ----

export const ENVELOPE = {HEADER: 1, CHUNK: 2, TRAILER: 3};
const ENVELOPE_HEADER_BYTES = 40;
const MAX_PLAINTEXT = 67_109_888;
const FIRST_BYTES = {1: [0x53, 0x43, 0x43, 0x49, 0x0D, 0x0A, 0x1A, 0x0A], 2: [0x01], 3: [0x02]};
const TYPE_NAMES = {1: 'header', 2: 'chunk', 3: 'trailer'};

function lp(text) {
    const bytes = ascii(text);
    if (bytes.length > 0xFFFF) {
        fail('an id is too long');
    }
    return concat(Uint8Array.of(bytes.length >> 8, bytes.length & 0xFF), bytes);
}

/**
 * Opens envelopes of one content under one base key: context = lp(label) || lp(content id) ||
 * lp(key id); the envelope key of each seal salt is derived once (HKDF-SHA256 from the
 * non-extractable Kc, §3) and kept non-extractable too.
 */
export class EnvelopeOpener {
    constructor(baseKey, label, contentId, keyId) {
        this.baseKey = baseKey;
        this.context = concat(lp(label), lp(contentId), lp(keyId));
        this.keys = new Map();
    }

    async keyFor(salt) {
        const id = Array.from(salt, b => b.toString(16).padStart(2, '0')).join('');
        if (!this.keys.has(id)) {
            this.keys.set(id, crypto.subtle.deriveKey(
                {name: 'HKDF', hash: 'SHA-256', salt, info: concat(ascii('splitcast-scpe/1 key'), Uint8Array.of(0), this.context)},
                this.baseKey, {name: 'AES-GCM', length: 256}, false, ['decrypt']));
        }
        return this.keys.get(id);
    }

    /**
     * Opens the envelope at body[offset] expected at (type, index); returns {record, end}.
     * Throws RebuildError when it is truncated, malformed, misplaced or not authentic.
     */
    async open(body, offset, type, index) {
        if (body.length - offset < ENVELOPE_HEADER_BYTES) {
            fail(`the ${TYPE_NAMES[type]} envelope ${index} is truncated`);
        }
        const head = body.subarray(offset, offset + ENVELOPE_HEADER_BYTES);
        const view = new DataView(head.buffer, head.byteOffset, head.length);
        if (view.getUint32(0) !== 0x53435045) {
            fail('not an envelope (magic)');
        }
        if (head[4] !== 1) {
            fail(`unsupported envelope version ${head[4]}`);
        }
        const [gotType, compression, reserved] = [head[5], head[6], head[7]];
        const gotIndex = view.getBigUint64(24);
        const plainLength = view.getUint32(32);
        const sealedLength = view.getUint32(36);
        if (!TYPE_NAMES[gotType] || reserved !== 0 || gotIndex >= (1n << 63n) || (gotType === ENVELOPE.HEADER && gotIndex !== 0n)) {
            fail('malformed envelope header');
        }
        if (compression !== 0 && compression !== 1) {
            fail(`unsupported envelope compression ${compression}`);
        }
        if (plainLength > MAX_PLAINTEXT || sealedLength < 16 || sealedLength > plainLength + 16
            || (compression === 0 && sealedLength !== plainLength + 16)) {
            fail('malformed envelope lengths');
        }
        const end = offset + ENVELOPE_HEADER_BYTES + sealedLength;
        if (end > body.length) {
            fail(`the ${TYPE_NAMES[type]} envelope ${index} is truncated`);
        }
        if (gotType !== type || gotIndex !== BigInt(index)) {
            fail(`wrong position: expected the ${TYPE_NAMES[type]} envelope ${index}, got the ${TYPE_NAMES[gotType]} envelope ${gotIndex}`);
        }
        const key = await this.keyFor(head.slice(8, 24));
        const nonce = concat(Uint8Array.of(gotType, 0, 0, 0), u64(gotIndex));
        let payload;
        try {
            payload = new Uint8Array(await crypto.subtle.decrypt(
                {name: 'AES-GCM', iv: nonce, additionalData: concat(head, this.context), tagLength: 128},
                key, body.subarray(offset + ENVELOPE_HEADER_BYTES, end)));
        } catch (e) {
            fail(`the ${TYPE_NAMES[type]} envelope ${index} is not authentic (wrong key, another content or an altered byte)`);
        }
        const record = compression === 1 ? await inflateRaw(payload, plainLength) : payload;
        if (record.length !== plainLength) {
            fail('malformed envelope: the record has another length than announced');
        }
        const first = FIRST_BYTES[type];
        if (record.length < first.length || first.some((b, i) => record[i] !== b)) {
            fail(`malformed envelope: the plaintext is not a ${TYPE_NAMES[type]} record`);
        }
        return {record, end};
    }
}

async function inflateRaw(bytes, expected) {
    try {
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        const out = new Uint8Array(await new Response(stream).arrayBuffer());
        if (out.length !== expected) {
            fail('malformed envelope: the inflated record has another length than announced');
        }
        return out;
    } catch (e) {
        if (e instanceof RebuildError) {
            throw e;
        }
        fail('malformed envelope: its Deflate stream is damaged');
    }
}

// ---- the container (complementary-format.md) ----

class Reader {
    constructor(bytes, what) {
        this.bytes = bytes;
        this.at = 0;
        this.what = what;
    }

    need(n) {
        if (this.at + n > this.bytes.length) {
            fail(`corrupt ${this.what}: it ends too early`);
        }
    }

    u8() {
        this.need(1);
        return this.bytes[this.at++];
    }

    take(n) {
        this.need(n);
        const out = this.bytes.subarray(this.at, this.at + n);
        this.at += n;
        return out;
    }

    /** Unsigned LEB128, canonical, at most 9 bytes, as a Number (< 2^53 here). */
    varint() {
        let value = 0;
        let scale = 1;
        for (let i = 0; i < 9; i++) {
            const b = this.u8();
            value += (b & 0x7F) * scale;
            if (!(b & 0x80)) {
                if (i > 0 && b === 0) {
                    fail(`corrupt ${this.what}: a varint is not in its shortest form`);
                }
                if (!Number.isSafeInteger(value)) {
                    fail(`corrupt ${this.what}: a number is too large for this player`);
                }
                return value;
            }
            scale *= 128;
        }
        fail(`corrupt ${this.what}: a varint is longer than 9 bytes`);
    }

    get done() {
        return this.at === this.bytes.length;
    }
}

const HEADER_MAGIC = [0x53, 0x43, 0x43, 0x49, 0x0D, 0x0A, 0x1A, 0x0A];

/** The container header (§3). */
export function parseHeader(record) {
    if (record.length < 80 || HEADER_MAGIC.some((b, i) => record[i] !== b)) {
        fail('not complementary information');
    }
    const view = new DataView(record.buffer, record.byteOffset, record.length);
    if (record[8] !== 1) {
        fail(`unsupported complementary information version ${record[8]}.${record[9]}`);
    }
    const length = view.getUint16(10);
    if (length < 80 || length > 4096 || length !== record.length) {
        fail('corrupt container header (length)');
    }
    if (crc32c(record.subarray(0, length - 4)) !== view.getUint32(length - 4)) {
        fail('corrupt container header (CRC)');
    }
    const packetSize = view.getUint16(14);
    if (packetSize !== 188 && packetSize !== 192) {
        fail('corrupt container header (packet size)');
    }
    const flags = view.getUint16(12);
    return {
        separationId: record.slice(16, 32),
        hasFingerprint: (flags & 1) === 1,
        mainLength: Number(view.getBigUint64(32)),
        fingerprint: record.slice(40, 72),
        chunkDuration: view.getUint32(72),
    };
}

/** A record (§4): type, body; checks its CRC. */
function parseRecord(record, type, what) {
    const r = new Reader(record, what);
    if (r.u8() !== type) {
        fail(`corrupt ${what}: unexpected record type`);
    }
    const length = r.varint();
    if (length > 64 * 1024 * 1024) {
        fail(`corrupt ${what}: too long`);
    }
    const body = r.take(length);
    const crcAt = r.at;
    const crc = new DataView(r.take(4).buffer, record.byteOffset + crcAt, 4).getUint32(0);
    if (!r.done) {
        fail(`corrupt ${what}: bytes after its CRC`);
    }
    if (crc32c(record.subarray(0, crcAt)) !== crc) {
        fail(`corrupt ${what}: CRC`);
    }
    return body;
}

/** A chunk record (§5), parsed and checked against itself. */
export function parseChunk(record) {
    const r = new Reader(parseRecord(record, 0x01, 'chunk'), 'chunk');
    const chunk = {separationId: r.take(16).slice()};
    chunk.index = r.varint();
    chunk.startTime = r.varint();
    chunk.duration = r.varint();
    chunk.mainOffset = r.varint();
    chunk.mainLength = r.varint();
    chunk.digest = r.take(32).slice();
    chunk.originalCrc = new DataView(r.take(4).slice().buffer).getUint32(0);
    if (chunk.mainLength > 2 ** 30) {
        fail('corrupt chunk: range too long');
    }
    const tableSize = r.varint();
    if (tableSize > 3) {
        fail('corrupt chunk: length table');
    }
    const table = [];
    for (let i = 0; i < tableSize; i++) {
        table.push(r.varint());
        if (table[i] < 1) {
            fail('corrupt chunk: a run length of 0');
        }
    }
    const runCount = r.varint();
    const runs = [];
    let previousEnd = chunk.mainOffset;
    const rangeEnd = chunk.mainOffset + chunk.mainLength;
    let extracted = 0;
    for (let i = 0; i < runCount; i++) {
        const v = r.varint();
        const gap = Math.floor(v / 4);
        const selector = v % 4;
        let length;
        if (selector === 3) {
            length = r.varint();
        } else if (selector < tableSize) {
            length = table[selector];
        } else {
            fail('corrupt chunk: a run names no length');
        }
        if (gap > chunk.mainLength || length < 1) {
            fail('corrupt chunk: a run out of its range');
        }
        const start = previousEnd + gap;
        if (start + length > rangeEnd) {
            fail('corrupt chunk: a run out of its range');
        }
        runs.push({start, length});
        previousEnd = start + length;
        extracted += length;
    }
    if (r.bytes.length - r.at !== extracted) {
        fail('corrupt chunk: the extracted bytes do not add up to its runs');
    }
    chunk.runs = runs;
    chunk.extracted = r.bytes.subarray(r.at);
    chunk.extractedBytes = extracted;
    return chunk;
}

/** The trailer record (§6). */
export function parseTrailer(record) {
    const r = new Reader(parseRecord(record, 0x02, 'trailer'), 'trailer');
    const trailer = {separationId: r.take(16).slice()};
    trailer.chunkCount = r.varint();
    trailer.mainLength = r.varint();
    trailer.fingerprint = r.take(32).slice();
    trailer.extractedBytes = r.varint();
    const streams = r.varint();
    if (streams > 8192) {
        fail('corrupt trailer: too many streams');
    }
    for (let i = 0; i < streams; i++) {
        r.varint();
        r.varint();
        r.u8();
        r.u8();
        r.varint();
        r.varint();
    }
    if (!r.done) {
        fail('corrupt trailer: bytes after its last field');
    }
    return trailer;
}

/**
 * Applies chunks, in order, to the main stream's bytes as they arrive, one chunk's range at a
 * time, and checks the whole against the trailer at the end (§9): SHA-256 of each range before,
 * CRC32C after, tiling, counts and fingerprint. Nothing but the fingerprint's input (48 bytes a
 * chunk) is kept, so a long stream is rebuilt in bounded memory.
 */
export class Rebuilder {
    constructor(header) {
        this.header = header;
        this.nextIndex = 0;
        this.nextOffset = 0;
        this.extracted = 0;
        this.fingerprintInput = [ascii('SCCI main fingerprint v1')];
    }

    /** The main stream's length as the server announces it (Content-Range), checked against the header. */
    checkMainLength(length) {
        if (this.header.hasFingerprint && this.header.mainLength !== length) {
            fail(`the main stream does not match: ${length} bytes, the complementary information is for ${this.header.mainLength}`);
        }
    }

    /**
     * Applies a chunk to range, the main-stream bytes of exactly its range (changed in place into
     * the original's bytes).
     */
    async apply(chunk, range) {
        if (!equalBytes(chunk.separationId, this.header.separationId)) {
            fail(`chunk ${chunk.index} belongs to another separation`);
        }
        if (chunk.index !== this.nextIndex || chunk.mainOffset !== this.nextOffset) {
            fail(`chunk ${chunk.index} is out of order`);
        }
        if (range.length !== chunk.mainLength) {
            fail('the main stream is truncated');
        }
        if (!equalBytes(await sha256(range), chunk.digest)) {
            fail(`the main stream does not match chunk ${chunk.index} (another stream, or damaged)`);
        }
        const before = [];
        let at = 0;
        for (const run of chunk.runs) {
            const offset = run.start - chunk.mainOffset;
            before.push(range.slice(offset, offset + run.length));
            range.set(chunk.extracted.subarray(at, at + run.length), offset);
            at += run.length;
        }
        if (crc32c(range) !== chunk.originalCrc) {
            chunk.runs.forEach((run, i) => range.set(before[i], run.start - chunk.mainOffset));
            fail(`chunk ${chunk.index} is inconsistent with the main stream (CRC of the original)`);
        }
        this.fingerprintInput.push(u64(chunk.mainOffset), u64(chunk.mainLength), chunk.digest);
        this.extracted += chunk.extractedBytes;
        this.nextIndex++;
        this.nextOffset = chunk.mainOffset + chunk.mainLength;
    }

    /** Checks the trailer against the chunks applied and the main stream's length. */
    async finish(trailer, mainLength) {
        if (!equalBytes(trailer.separationId, this.header.separationId)) {
            fail('the trailer belongs to another separation');
        }
        if (this.nextOffset !== mainLength) {
            fail('the main stream is longer than the complementary information covers');
        }
        if (trailer.chunkCount !== this.nextIndex || trailer.mainLength !== this.nextOffset
            || trailer.extractedBytes !== this.extracted) {
            fail('corrupt trailer: its counts do not match the chunks');
        }
        const fingerprint = await sha256(concat(...this.fingerprintInput, u64(this.nextOffset), u64(this.nextIndex)));
        if (!equalBytes(fingerprint, trailer.fingerprint)
            || (this.header.hasFingerprint && (!equalBytes(fingerprint, this.header.fingerprint) || this.header.mainLength !== this.nextOffset))) {
            fail('the main-stream fingerprint does not match');
        }
    }
}
