// This browser as a terminal (seed 003's terminal, in WebCrypto): an ECDH P-256 key pair whose
// private key is generated non-extractable and kept in IndexedDB (script can use it, never read
// it); its public key is registered as the terminal's key (keyType EC_P256). A license for it is
// verified here exactly as docs/license-format.md §6 says; its content key Kc is imported at once
// as a non-extractable HKDF key (for the envelopes' keys, player.js) and its bytes are wiped.
import {api, seg} from './api.js';
import {base64url, fromBase64url} from './ui.js';

const DB = 'splitcast-terminals';
const STORE = 'terminals';
const SKEW_SECONDS = 120;

function openDb() {
    return new Promise((resolve, reject) => {
        const request = indexedDB.open(DB, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE, {keyPath: 'terminalId'});
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
}

async function tx(mode, work) {
    const db = await openDb();
    try {
        return await new Promise((resolve, reject) => {
            const t = db.transaction(STORE, mode);
            const result = work(t.objectStore(STORE));
            t.oncomplete = () => resolve(result.result);
            t.onerror = () => reject(t.error);
            t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
        });
    } finally {
        db.close();
    }
}

/** The record of a terminal whose private key is in this browser, or null. */
export async function browserTerminal(terminalId) {
    if (!('indexedDB' in window)) {
        return null;
    }
    return (await tx('readonly', store => store.get(terminalId))) ?? null;
}

/** Forgets the private key of a removed terminal. */
export async function forgetBrowserTerminal(terminalId) {
    await tx('readwrite', store => store.delete(terminalId));
}

function pem(spki) {
    const b64 = btoa(String.fromCharCode(...new Uint8Array(spki)));
    return `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g).join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/**
 * Generates the key pair, registers its public key for the subscriber, and keeps the private key
 * (non-extractable) in IndexedDB. Returns the registered terminal.
 */
export async function registerBrowserTerminal(subscriberId, label, id) {
    if (!window.isSecureContext || !crypto.subtle) {
        throw new Error('This browser can hold a terminal key only on https:// or http://localhost.');
    }
    const pair = await crypto.subtle.generateKey({name: 'ECDH', namedCurve: 'P-256'}, false, ['deriveBits']);
    const publicKey = pem(await crypto.subtle.exportKey('spki', pair.publicKey));
    const body = {label, keyType: 'EC_P256', publicKey};
    if (id) {
        body.id = id;
    }
    const {data: terminal} = await api('POST', `/api/subscribers/${seg(subscriberId)}/terminals`, body);
    try {
        await tx('readwrite', store => store.put({
            terminalId: terminal.id, subscriberId, keyType: 'EC_P256', privateKey: pair.privateKey,
            createdAt: new Date().toISOString(),
        }));
    } catch (e) {
        // without its private key the terminal is useless: take it back
        await api('DELETE', `/api/subscribers/${seg(subscriberId)}/terminals/${seg(terminal.id)}`).catch(() => {});
        throw new Error(`This browser could not keep the terminal's key (${e.message}).`);
    }
    return terminal;
}

let keySet = null;

async function serverKey(kid) {
    if (!keySet || !keySet.keys.some(k => k.kid === kid)) {
        keySet = (await api('GET', '/api/license-keys')).data;
    }
    const jwk = keySet.keys.find(k => k.kid === kid);
    if (!jwk) {
        throw new Error(`unknown signing key ${kid}`);
    }
    return jwk;
}

const ascii = text => new TextEncoder().encode(text);

function split(compact) {
    const parts = compact.split('.');
    if (parts.length !== 3) {
        throw new Error('not a compact JWS');
    }
    const json = part => JSON.parse(new TextDecoder().decode(fromBase64url(part)));
    return {header: json(parts[0]), payload: json(parts[1]), input: ascii(`${parts[0]}.${parts[1]}`), signature: fromBase64url(parts[2])};
}

async function verifyAccessSignature(access) {
    const {header} = access;
    if (header.typ !== 'splitcast-access+jws' || header.crit) {
        throw new Error('not an access block');
    }
    const jwk = await serverKey(header.kid);
    if (jwk.alg !== header.alg) {
        throw new Error(`the key ${header.kid} is not for ${header.alg}`);
    }
    let key;
    let params;
    if (header.alg === 'PS256' && jwk.kty === 'RSA') {
        key = await crypto.subtle.importKey('jwk', {kty: 'RSA', n: jwk.n, e: jwk.e}, {name: 'RSA-PSS', hash: 'SHA-256'}, false, ['verify']);
        params = {name: 'RSA-PSS', saltLength: 32};
    } else if (header.alg === 'ES256' && jwk.kty === 'EC' && jwk.crv === 'P-256') {
        key = await crypto.subtle.importKey('jwk', {kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y}, {name: 'ECDSA', namedCurve: 'P-256'}, false, ['verify']);
        params = {name: 'ECDSA', hash: 'SHA-256'};
    } else if (header.alg === 'EdDSA' && jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
        key = await crypto.subtle.importKey('jwk', {kty: 'OKP', crv: 'Ed25519', x: jwk.x}, {name: 'Ed25519'}, false, ['verify']);
        params = {name: 'Ed25519'};
    } else {
        throw new Error(`unexpected signature algorithm ${header.alg}`);
    }
    if (!(await crypto.subtle.verify(params, key, access.signature, access.input))) {
        throw new Error('the server signature does not verify');
    }
}

function u32(n) {
    return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

/** Kc ‖ Km from wrap (ECDH-ES+A256KW, §3.2). The caller wipes the result. */
async function unwrap(wrap, terminalId, privateKey) {
    if (wrap.alg !== 'ECDH-ES+A256KW' || wrap.epk?.kty !== 'EC' || wrap.epk?.crv !== 'P-256') {
        throw new Error(`unexpected key wrap ${wrap.alg}`);
    }
    // importKey checks that the point is on the curve
    const epk = await crypto.subtle.importKey('jwk', {kty: 'EC', crv: 'P-256', x: wrap.epk.x, y: wrap.epk.y},
        {name: 'ECDH', namedCurve: 'P-256'}, false, []);
    const z = new Uint8Array(await crypto.subtle.deriveBits({name: 'ECDH', public: epk}, privateKey, 256));
    const algorithm = ascii('ECDH-ES+A256KW');
    const party = ascii(terminalId);
    const kdfInput = Uint8Array.from([...u32(1), ...z, ...u32(algorithm.length), ...algorithm, ...u32(0),
        ...u32(party.length), ...party, ...u32(256)]);
    z.fill(0);
    const kekBytes = new Uint8Array(await crypto.subtle.digest('SHA-256', kdfInput));
    kdfInput.fill(0);
    const kek = await crypto.subtle.importKey('raw', kekBytes, 'AES-KW', false, ['unwrapKey']);
    kekBytes.fill(0);
    const material = await crypto.subtle.unwrapKey('raw', fromBase64url(wrap.key), kek, 'AES-KW',
        {name: 'HMAC', hash: 'SHA-256', length: 512}, true, ['sign']);
    return new Uint8Array(await crypto.subtle.exportKey('raw', material));
}

/**
 * docs/license-format.md §6 for this browser's terminal; throws with the reason on any failure.
 * Returns the rules and times, the content key's id and Kc as a non-extractable HKDF CryptoKey.
 */
export async function verifyLicense(license, nonce, terminal) {
    const now = Date.now() / 1000;
    const access = split(license.access);
    await verifyAccessSignature(access);
    const a = access.payload;
    if (a.v !== 1 || a.tid !== terminal.terminalId || a.cid !== license.contentId || !(a.exp > now - SKEW_SECONDS)) {
        throw new Error('the access block is not for this terminal and content, or has expired');
    }
    const material = await unwrap(a.wrap, a.tid, terminal.privateKey);
    try {
        if (material.length !== 64) {
            throw new Error('unexpected key material length');
        }
        const grant = split(license.grant);
        if (grant.header.alg !== 'HS256' || grant.header.typ !== 'splitcast-grant+jws' || grant.header.crit) {
            throw new Error('not a grant');
        }
        const km = await crypto.subtle.importKey('raw', material.slice(32), {name: 'HMAC', hash: 'SHA-256'}, false, ['verify']);
        if (!(await crypto.subtle.verify('HMAC', km, grant.signature, grant.input))) {
            throw new Error('the grant MAC does not verify');
        }
        const g = grant.payload;
        const ab = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', ascii(license.access))));
        if (g.v !== 1 || g.ab !== ab) {
            throw new Error('the grant is not bound to this access block');
        }
        if (g.nonce !== nonce) {
            throw new Error('the grant answers another request (replay)');
        }
        if (!(g.nbf - SKEW_SECONDS <= now && now <= g.exp + SKEW_SECONDS)) {
            throw new Error('the grant is not valid now');
        }
        const contentKey = await crypto.subtle.importKey('raw', material.subarray(0, 32), 'HKDF', false, ['deriveKey']);
        return {rules: a.rules, notBefore: g.nbf, expires: g.exp, contentId: a.cid, terminalId: a.tid, keyId: a.kid, contentKey};
    } finally {
        material.fill(0);
    }
}
