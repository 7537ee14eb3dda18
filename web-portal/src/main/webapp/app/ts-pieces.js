// Cuts an MPEG transport stream, arriving in arbitrary packet-aligned pieces, into pieces that
// each start with a video key frame (an H.264 IDR access unit), so that each can be transmuxed on
// its own by one mux.js Transmuxer (push, flush) into a fragment that Media Source Extensions
// accept: a fragment that started between key frames would have mux.js drop or re-time frames.
// The packets that finish an audio (or other) PES begun before the cut are moved in front of the
// cut, so that no PES is split between two pieces. Nothing else is reordered or changed.

const PACKET = 188;
const SYNC = 0x47;
/** A piece is cut at the last complete video PES even without a key frame once this much waits. */
const MAX_PENDING = 32 * 1024 * 1024;

export class TsError extends Error {}

function pidOf(bytes, at) {
    return ((bytes[at + 1] & 0x1F) << 8) | bytes[at + 2];
}

function startsPes(bytes, at) {
    return (bytes[at + 1] & 0x40) !== 0;
}

/** Offset of the packet's payload, or -1 when it has none. */
function payloadAt(bytes, at) {
    const control = (bytes[at + 3] >> 4) & 0x03;
    let offset = at + 4;
    if (control & 0x02) {
        offset += 1 + bytes[at + 4];
    }
    return (control & 0x01) && offset < at + PACKET ? offset : -1;
}

/** Whether H.264 Annex B bytes hold an IDR slice (NAL unit type 5). */
function holdsIdr(parts) {
    let zeros = 0;
    for (const part of parts) {
        for (let i = 0; i < part.length; i++) {
            const b = part[i];
            if (zeros >= 2 && b === 1) {
                const next = i + 1 < part.length ? part[i + 1] : -1;
                if ((next & 0x1F) === 5) {
                    return true;
                }
            }
            zeros = b === 0 ? zeros + 1 : 0;
        }
    }
    return false;
}

export class KeyframeCutter {
    constructor() {
        this.pending = new Uint8Array(0);
        this.pmtPid = -1;
        this.videoPid = -1;
        this.otherPids = new Set();
    }

    /** Adds bytes (whole 188-byte packets); returns the pieces now complete, in order. */
    push(bytes) {
        if (bytes.length % PACKET !== 0) {
            throw new TsError('The stream is not made of 188-byte transport packets.');
        }
        const joined = new Uint8Array(this.pending.length + bytes.length);
        joined.set(this.pending);
        joined.set(bytes, this.pending.length);
        this.pending = joined;
        const pieces = [];
        for (let piece = this.cut(false); piece; piece = this.cut(false)) {
            pieces.push(piece);
        }
        return pieces;
    }

    /** The rest, at the end of the stream (empty when nothing is left). */
    end() {
        const rest = this.pending;
        this.pending = new Uint8Array(0);
        return rest;
    }

    /** Reads the PAT and the PMT: which PID is the H.264 video, which are other streams. */
    readTables(bytes, at, pid) {
        const payload = payloadAt(bytes, at);
        if (payload < 0 || !startsPes(bytes, at)) {
            return;
        }
        const section = payload + 1 + bytes[payload];
        const end = Math.min(at + PACKET, section + 3 + (((bytes[section + 1] & 0x0F) << 8) | bytes[section + 2])) - 4;
        if (pid === 0 && bytes[section] === 0x00) {
            for (let i = section + 8; i + 4 <= end; i += 4) {
                if (((bytes[i] << 8) | bytes[i + 1]) !== 0) {
                    this.pmtPid = ((bytes[i + 2] & 0x1F) << 8) | bytes[i + 3];
                    break;
                }
            }
        } else if (pid === this.pmtPid && bytes[section] === 0x02) {
            let i = section + 12 + (((bytes[section + 10] & 0x0F) << 8) | bytes[section + 11]);
            while (i + 5 <= end) {
                const type = bytes[i];
                const esPid = ((bytes[i + 1] & 0x1F) << 8) | bytes[i + 2];
                if (type === 0x1B && this.videoPid < 0) {
                    this.videoPid = esPid;
                } else if (esPid !== this.videoPid) {
                    this.otherPids.add(esPid);
                }
                i += 5 + (((bytes[i + 3] & 0x0F) << 8) | bytes[i + 4]);
            }
        }
    }

    /**
     * Finds the last video key frame PES start (after the first video PES) whose PES is complete, and
     * cuts there; null when there is none yet, or when a PES of another stream begun before it
     * does not end within the pending bytes yet.
     */
    cut() {
        const bytes = this.pending;
        let cutAt = -1;
        let lastVideoStart = -1;
        let pes = null;
        for (let at = 0; at < bytes.length; at += PACKET) {
            if (bytes[at] !== SYNC) {
                throw new TsError('The stream lost its transport packet sync.');
            }
            const pid = pidOf(bytes, at);
            if (pid === 0 || pid === this.pmtPid) {
                this.readTables(bytes, at, pid);
            } else if (pid === this.videoPid) {
                if (startsPes(bytes, at)) {
                    // the first video PES of the pending bytes starts the piece: never a cut
                    if (pes && !pes.first) {
                        lastVideoStart = pes.start;
                        if (holdsIdr(pes.parts)) {
                            cutAt = pes.start;
                        }
                    }
                    pes = {start: at, parts: [], first: pes === null};
                }
                const payload = payloadAt(bytes, at);
                if (pes && payload >= 0 && pes.parts.length < 64) {
                    pes.parts.push(bytes.subarray(payload, at + PACKET));
                }
            }
        }
        if (cutAt < 0 && bytes.length > MAX_PENDING) {
            cutAt = lastVideoStart;
        }
        if (cutAt <= 0) {
            return null;
        }
        // packets after the cut that finish a PES of another stream begun before it
        const open = new Set();
        for (let at = 0; at < cutAt; at += PACKET) {
            const pid = pidOf(bytes, at);
            if (this.otherPids.has(pid)) {
                open.add(pid);
            }
        }
        const moved = new Set();
        for (let at = cutAt; at < bytes.length && open.size; at += PACKET) {
            const pid = pidOf(bytes, at);
            if (!open.has(pid)) {
                continue;
            }
            if (startsPes(bytes, at)) {
                open.delete(pid);
            } else {
                moved.add(at);
            }
        }
        if (open.size && bytes.length <= MAX_PENDING) {
            return null;
        }
        const piece = new Uint8Array(cutAt + moved.size * PACKET);
        piece.set(bytes.subarray(0, cutAt));
        const rest = new Uint8Array(bytes.length - cutAt - moved.size * PACKET);
        let p = cutAt;
        let r = 0;
        for (let at = cutAt; at < bytes.length; at += PACKET) {
            const packet = bytes.subarray(at, at + PACKET);
            if (moved.has(at)) {
                piece.set(packet, p);
                p += PACKET;
            } else {
                rest.set(packet, r);
                r += PACKET;
            }
        }
        this.pending = rest;
        return piece;
    }
}
