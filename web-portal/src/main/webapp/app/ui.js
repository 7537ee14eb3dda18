// Small DOM helpers: elements built with textContent only (never innerHTML with data), formats,
// the error banner, the status line for screen readers, and an accessible confirm dialog.

/**
 * Builds an element: h('button', {class: 'x', onclick: f}, 'text', child...).
 * Attributes starting with "on" become listeners; false/null attributes are left out.
 */
export function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs ?? {})) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        if (key.startsWith('on') && typeof value === 'function') {
            el.addEventListener(key.slice(2), value);
        } else if (key === 'class') {
            el.className = value;
        } else if (key === 'dataset') {
            Object.assign(el.dataset, value);
        } else if (value === true) {
            el.setAttribute(key, '');
        } else {
            el.setAttribute(key, String(value));
        }
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(el, child);
        } else if (child instanceof Node) {
            el.appendChild(child);
        } else {
            el.appendChild(document.createTextNode(String(child)));
        }
    }
}

/** Replaces the children of el. */
export function replace(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const number = new Intl.NumberFormat(undefined, {maximumFractionDigits: 1});

export function formatTime(value) {
    if (value === null || value === undefined) {
        return '—';
    }
    const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : dateTime.format(date);
}

export function formatNumber(value) {
    return value === null || value === undefined || Number.isNaN(value) ? '—' : number.format(value);
}

export function formatDuration(seconds) {
    if (!seconds && seconds !== 0) {
        return '—';
    }
    if (seconds < 60) {
        return `${Math.round(seconds)} s`;
    }
    const h = Math.floor(seconds / 3600);
    const m = Math.round((seconds % 3600) / 60);
    return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/** Shows an error at the top of the page (role=alert), or hides it with null. */
export function showError(message) {
    const banner = document.getElementById('error');
    if (!message) {
        banner.hidden = true;
        banner.replaceChildren();
        return;
    }
    replace(banner, h('span', {}, message), ' ', h('button', {
        type: 'button', class: 'link', 'aria-label': 'Dismiss the message', onclick: () => showError(null),
    }, 'Dismiss'));
    banner.hidden = false;
}

/** Says something to screen-reader users (role=status). */
export function announce(message) {
    document.getElementById('status').textContent = message;
}

/** A modal confirm dialog (a <dialog>: focus trapped, Escape cancels). Resolves to true or false. */
export function confirmDialog(message, confirmLabel) {
    return new Promise(resolve => {
        const ok = h('button', {type: 'submit', value: 'ok', class: 'danger'}, confirmLabel);
        const cancel = h('button', {type: 'submit', value: 'cancel', class: 'secondary'}, 'Cancel');
        const dialog = h('dialog', {'aria-labelledby': 'confirm-text'},
            h('form', {method: 'dialog'},
                h('p', {id: 'confirm-text'}, message),
                h('div', {class: 'actions'}, cancel, ok)));
        dialog.addEventListener('close', () => {
            dialog.remove();
            resolve(dialog.returnValue === 'ok');
        });
        document.body.appendChild(dialog);
        dialog.showModal();
        cancel.focus();
    });
}

/** A labelled field: label + control + error line; returns {wrap, control, error}. */
export function field(id, label, control, hint) {
    control.id = id;
    const error = h('p', {class: 'field-error', id: `${id}-error`, 'aria-live': 'polite'});
    const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
    control.setAttribute('aria-describedby', describedBy);
    const wrap = h('div', {class: 'field'},
        h('label', {for: id}, label),
        control,
        hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null,
        error);
    return {wrap, control, error};
}

/** Sets (or clears) the error of a field made by field(). */
export function setFieldError(f, message) {
    f.error.textContent = message ?? '';
    if (message) {
        f.control.setAttribute('aria-invalid', 'true');
    } else {
        f.control.removeAttribute('aria-invalid');
    }
}

/** base64url without padding of bytes. */
export function base64url(bytes) {
    let binary = '';
    for (const b of bytes) {
        binary += String.fromCharCode(b);
    }
    return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** bytes of a base64url string. */
export function fromBase64url(text) {
    const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(binary, c => c.charCodeAt(0));
}
