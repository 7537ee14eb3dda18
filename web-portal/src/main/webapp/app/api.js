// The portal's only way to the server: same-origin fetch with the session cookie, the CSRF token on
// unsafe methods, and every error turned into an ApiError whose message a person can read.

let csrfToken = null;
let onSessionEnded = () => {};

/** Remembers the session's CSRF token (from POST or GET /api/session). */
export function useCsrfToken(token) {
    csrfToken = token;
}

/** Called when the server says the session has ended (401 on an API call). */
export function whenSessionEnds(callback) {
    onSessionEnded = callback;
}

/** An API refusal or failure; message is for people, problem is the RFC 9457 body if any. */
export class ApiError extends Error {
    constructor(status, problem, message) {
        super(message);
        this.status = status;
        this.problem = problem;
        this.code = problem?.code ?? null;
    }

    /** Field errors of a validation problem, keyed by the last segment of the field path. */
    fieldErrors() {
        const errors = {};
        for (const e of this.problem?.errors ?? []) {
            const field = String(e.field ?? '').split('.').pop();
            errors[field] = errors[field] ? `${errors[field]}; ${e.message}` : e.message;
        }
        return errors;
    }
}

const FRIENDLY = {
    'unauthenticated': 'Please sign in again: your session has ended.',
    'forbidden': 'You may not do this.',
    'not-found': 'That no longer exists.',
    'not-entitled': 'You are not entitled to this title (no current purchase or package includes it).',
    'terminal-revoked': 'This terminal has been revoked: choose another one.',
    'play-limit-reached': 'You have used all the plays this title allows for now.',
    'too-many-in-flight': 'Too many license requests at once: try again in a moment.',
    'conflict': 'That conflicts with what exists already.',
    'invalid-key': 'The server does not accept this key.',
    'validation': 'Some values are not valid.',
    'internal': 'The server failed to handle this request.',
    'no-valid-license': 'This terminal holds no valid license for this title: pick it again.',
    'not-ready': 'This title is still being prepared: try again in a moment.',
};

function readable(status, problem) {
    if (!problem) {
        return status >= 500
            ? `The server failed (HTTP ${status}). Try again later.`
            : `The request was refused (HTTP ${status}).`;
    }
    const lead = FRIENDLY[problem.code] ?? problem.title ?? `HTTP ${status}`;
    const parts = [lead];
    if (problem.errors?.length) {
        parts.push(problem.errors.map(e => e.message).join('; ') + '.');
    } else if (problem.detail && problem.code !== 'unauthenticated') {
        parts.push(`(${problem.detail})`);
    }
    if (problem.errorId) {
        parts.push(`Error id ${problem.errorId}.`);
    }
    return parts.join(' ');
}

/**
 * Calls the API. Resolves to {data, headers}; rejects with an ApiError.
 * @param {string} method
 * @param {string} path absolute path under /api
 * @param {*} [body] sent as JSON
 */
export async function api(method, path, body) {
    const headers = {'Accept': 'application/json, application/problem+json, text/plain', 'X-Requested-With': 'splitcast-portal'};
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && csrfToken) {
        headers['X-CSRF-Token'] = csrfToken;
    }
    let response;
    try {
        response = await fetch(path, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            credentials: 'same-origin',
            cache: 'no-store',
        });
    } catch (e) {
        throw new ApiError(0, null, 'The server cannot be reached: check the connection and try again.');
    }
    if (!response.ok) {
        let problem = null;
        if ((response.headers.get('Content-Type') ?? '').includes('json')) {
            try {
                problem = await response.json();
            } catch (e) {
                problem = null;
            }
        }
        if (response.status === 401 && path !== '/api/session') {
            onSessionEnded();
        }
        throw new ApiError(response.status, problem, readable(response.status, problem));
    }
    if (response.status === 204) {
        return {data: null, headers: response.headers};
    }
    const type = response.headers.get('Content-Type') ?? '';
    const data = type.includes('json') ? await response.json() : await response.text();
    return {data, headers: response.headers};
}

/**
 * GET of a binary resource (same origin, the session cookie). Resolves to {bytes, headers, status};
 * rejects with an ApiError as api() does. extraHeaders: e.g. {Range: 'bytes=0-1023'}.
 */
export async function getBytes(path, extraHeaders = {}) {
    let response;
    try {
        response = await fetch(path, {
            headers: {'Accept': '*/*', 'X-Requested-With': 'splitcast-portal', ...extraHeaders},
            credentials: 'same-origin',
            cache: 'no-store',
        });
    } catch (e) {
        throw new ApiError(0, null, 'The server cannot be reached: check the connection and try again.');
    }
    if (!response.ok) {
        let problem = null;
        if ((response.headers.get('Content-Type') ?? '').includes('json')) {
            problem = await response.json().catch(() => null);
        }
        if (response.status === 401) {
            onSessionEnded();
        }
        throw new ApiError(response.status, problem, readable(response.status, problem));
    }
    return {bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers, status: response.status};
}

/** GET, resolving to the body only. */
export async function get(path) {
    return (await api('GET', path)).data;
}

/** Encodes a path segment. */
export const seg = encodeURIComponent;
