// Picking a title: a license for the chosen terminal, and what it allows. The page reads the rules
// and times from the license's signed parts (docs/license-format.md §3-4) and never shows the
// wrapped key. For a terminal whose key lives in this browser, the license is also verified here,
// and the title can be played here (player.js).
import {api, seg} from './api.js';
import {base64url, formatTime, fromBase64url, h, replace} from './ui.js';
import {browserTerminal, verifyLicense} from './browser-terminal.js';
import {attachPlayer} from './player.js';

/** The JSON payload of a compact JWS (no verification: for display). */
export function jwsPayload(compact) {
    const parts = String(compact).split('.');
    if (parts.length !== 3) {
        throw new Error('not a compact JWS');
    }
    return JSON.parse(new TextDecoder().decode(fromBase64url(parts[1])));
}

/** Asks for a license and renders what it allows into panel; returns the license document. */
export async function pickTitle(panel, {contentId, title}, terminal) {
    replace(panel, h('p', {class: 'muted'}, `Asking for a license for “${title}” on ${terminal.label}…`));
    panel.hidden = false;
    const nonce = base64url(crypto.getRandomValues(new Uint8Array(16)));
    const started = performance.now();
    const {data: license, headers} = await api('POST', '/api/licenses', {contentId, terminalId: terminal.id, nonce});
    const elapsed = performance.now() - started;
    const access = jwsPayload(license.access);
    const grant = jwsPayload(license.grant);
    if (grant.nonce !== nonce || access.tid !== terminal.id || access.cid !== contentId) {
        throw new Error('The license does not match the request: it was not used.');
    }
    const rules = access.rules ?? {};
    const source = headers.get('Splitcast-Access');
    const playsLeft = headers.get('Splitcast-Plays-Left');
    const plays = rules.maxPlays === null || rules.maxPlays === undefined
        ? 'Unlimited'
        : `${playsLeft ?? '?'} of ${rules.maxPlays} left` + (rules.windowHours ? ` in the last ${rules.windowHours} h` : '');
    const windowText = rules.windowHours
        ? `${rules.windowHours} hours (a sliding window: each play counts for ${rules.windowHours} h)`
        : 'None: plays count for as long as the entitlement lasts';
    const verification = h('dd', {class: 'verification'}, 'Signature and MAC are checked by the terminal');
    replace(panel,
        h('h2', {id: 'license-title', tabindex: '-1'}, `License: ${title}`),
        h('p', {}, `For terminal ${terminal.label} (${terminal.id}). `,
            source === 'precomputed'
                ? h('span', {class: 'badge ready'}, 'served from the precomputed store')
                : h('span', {class: 'badge'}, 'computed for this request'),
            ` in ${Math.round(elapsed)} ms.`),
        h('dl', {class: 'facts', 'aria-labelledby': 'license-title'},
            h('dt', {}, 'Plays'), h('dd', {class: 'plays'}, plays),
            h('dt', {}, 'Rental window'), h('dd', {class: 'window'}, windowText),
            h('dt', {}, 'Recording'), h('dd', {}, rules.recordingAllowed ? 'Allowed' : 'Not allowed'),
            h('dt', {}, 'Valid'), h('dd', {class: 'validity'}, `from ${formatTime(grant.nbf)} until ${formatTime(grant.exp)}`),
            h('dt', {}, 'Access block expires'), h('dd', {}, formatTime(access.exp)),
            h('dt', {}, 'License id'), h('dd', {}, h('code', {}, license.licenseId)),
            h('dt', {}, 'Verification'), verification));
    panel.querySelector('h2').focus();
    const own = await browserTerminal(terminal.id).catch(() => null);
    if (own) {
        let verified = null;
        try {
            verified = await verifyLicense(license, nonce, own);
            replace(verification, h('span', {class: 'badge ready'}, 'verified in this browser'),
                ' (server signature, key unwrapped with this browser’s private key, grant MAC)');
        } catch (e) {
            replace(verification, h('span', {class: 'badge warn'}, 'not verified'), ` ${e.message}`);
        }
        if (verified) {
            attachPlayer(panel, {contentId, title}, terminal.id, verified);
        }
    } else {
        panel.append(h('p', {class: 'muted'}, 'To play it in this page, register this browser as a terminal (',
            h('a', {href: '#/terminals'}, 'My terminals'), ') and pick it with that terminal.'));
    }
    return license;
}

/** The subscriber's terminals (GET /api/subscribers/{id}/terminals). */
export async function terminalsOf(subscriberId) {
    return (await api('GET', `/api/subscribers/${seg(subscriberId)}/terminals`)).data;
}
