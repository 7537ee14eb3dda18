// #/terminals: the subscriber's terminals; register this browser (a WebCrypto key) or a device
// (its public key), revoke, remove.
import {api, seg} from './api.js';
import {announce, confirmDialog, field, formatTime, h, replace, setFieldError, showError} from './ui.js';
import {terminalsOf} from './license.js';
import {browserTerminal, forgetBrowserTerminal, registerBrowserTerminal} from './browser-terminal.js';

const ID_PATTERN = '[a-z0-9][a-z0-9_-]{0,63}';

export async function terminalsView(view, session) {
    const base = `/api/subscribers/${seg(session.subscriberId)}/terminals`;
    const table = h('div', {class: 'table-wrap'});

    async function load() {
        const terminals = await terminalsOf(session.subscriberId);
        const here = new Set();
        for (const t of terminals) {
            if (await browserTerminal(t.id).catch(() => null)) {
                here.add(t.id);
            }
        }
        replace(table, terminals.length ? h('table', {id: 'terminals'},
            h('caption', {class: 'sr-only'}, 'Your terminals'),
            h('thead', {}, h('tr', {},
                h('th', {scope: 'col'}, 'Name'), h('th', {scope: 'col'}, 'Id'), h('th', {scope: 'col'}, 'Key'),
                h('th', {scope: 'col'}, 'Registered'), h('th', {scope: 'col'}, 'Status'), h('th', {scope: 'col'}, 'Actions'))),
            h('tbody', {}, terminals.map(t => h('tr', {dataset: {terminalId: t.id}},
                h('td', {}, t.label, here.has(t.id) ? h('span', {class: 'badge ready'}, 'this browser') : null),
                h('td', {}, h('code', {}, t.id)),
                h('td', {}, t.keyType),
                h('td', {}, formatTime(t.registeredAt)),
                h('td', {}, t.status === 'ACTIVE' ? 'Active' : `Revoked ${formatTime(t.revokedAt)}`),
                h('td', {class: 'actions'},
                    t.status === 'ACTIVE' ? h('button', {type: 'button', class: 'secondary', onclick: () => revoke(t)},
                        'Revoke', h('span', {class: 'sr-only'}, ` ${t.label}`)) : null,
                    h('button', {type: 'button', class: 'danger', onclick: () => remove(t)},
                        'Remove', h('span', {class: 'sr-only'}, ` ${t.label}`)))))))
            : h('p', {}, 'No terminal yet.'));
    }

    async function act(work, message) {
        showError(null);
        try {
            await work();
            announce(message);
            await load();
        } catch (e) {
            showError(e.message);
        }
    }

    async function revoke(t) {
        if (await confirmDialog(`Revoke “${t.label}”? It will get no license from now on; this cannot be undone.`, 'Revoke')) {
            await act(() => api('POST', `${base}/${seg(t.id)}/revoke`), `${t.label} revoked`);
        }
    }

    async function remove(t) {
        if (await confirmDialog(`Remove “${t.label}” and its licenses' precomputed blocks?`, 'Remove')) {
            await act(async () => {
                await api('DELETE', `${base}/${seg(t.id)}`);
                await forgetBrowserTerminal(t.id).catch(() => {});
            }, `${t.label} removed`);
        }
    }

    // the registration form
    const label = field('terminal-label', 'Name', h('input', {required: true, maxlength: 200, autocomplete: 'off'}),
        'What you call it, e.g. “Living-room TV”.');
    const id = field('terminal-id', 'Id (optional)', h('input', {pattern: ID_PATTERN, maxlength: 64, autocomplete: 'off', spellcheck: 'false'}),
        'Lower-case letters, digits, - and _; left empty, the server picks one.');
    const kind = h('fieldset', {},
        h('legend', {}, 'Key'),
        h('label', {class: 'choice'}, h('input', {type: 'radio', name: 'key-kind', value: 'browser', checked: true}),
            ' This browser: a key pair made here, its private key never leaves it'),
        h('label', {class: 'choice'}, h('input', {type: 'radio', name: 'key-kind', value: 'device'}),
            ' A device: paste its public key'));
    const keyType = field('terminal-key-type', 'Key type', h('select', {},
        ['EC_P256', 'X25519', 'RSA'].map(k => h('option', {value: k}, k))));
    const publicKey = field('terminal-public-key', 'Public key (PEM)', h('textarea', {rows: 5, spellcheck: 'false'}),
        'The device’s SubjectPublicKeyInfo, -----BEGIN PUBLIC KEY-----…');
    const device = h('div', {hidden: true}, keyType.wrap, publicKey.wrap);
    kind.addEventListener('change', () => {
        device.hidden = kind.querySelector('input:checked').value !== 'device';
    });
    const submit = h('button', {type: 'submit'}, 'Register');
    const form = h('form', {class: 'card', novalidate: true, 'aria-labelledby': 'register-title'},
        h('h2', {id: 'register-title'}, 'Register a terminal'),
        label.wrap, id.wrap, kind, device,
        h('p', {class: 'hint'}, 'Devices with a symmetric key (AES_256) are registered by their integrator or the terminal CLI: their key is shown once and does not belong in a web page.'),
        submit);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        for (const f of [label, id, publicKey]) {
            setFieldError(f, null);
        }
        const name = label.control.value.trim();
        const wanted = id.control.value.trim();
        const inBrowser = kind.querySelector('input:checked').value === 'browser';
        let invalid = false;
        if (!name) {
            setFieldError(label, 'Give the terminal a name.');
            invalid = true;
        }
        if (wanted && !new RegExp(`^${ID_PATTERN}$`).test(wanted)) {
            setFieldError(id, 'Use 1 to 64 lower-case letters, digits, - or _, starting with a letter or digit.');
            invalid = true;
        }
        if (!inBrowser && !publicKey.control.value.includes('PUBLIC KEY')) {
            setFieldError(publicKey, 'Paste a PEM public key.');
            invalid = true;
        }
        if (invalid) {
            form.querySelector('[aria-invalid="true"]')?.focus();
            return;
        }
        submit.disabled = true;
        showError(null);
        try {
            const terminal = inBrowser
                ? await registerBrowserTerminal(session.subscriberId, name, wanted || undefined)
                : (await api('POST', base, {label: name, id: wanted || undefined, keyType: keyType.control.value, publicKey: publicKey.control.value})).data;
            form.reset();
            device.hidden = true;
            announce(`${terminal.label} registered`);
            await load();
        } catch (e) {
            const errors = e.fieldErrors?.() ?? {};
            if (errors.id) {
                setFieldError(id, errors.id);
            }
            if (errors.publicKey || e.code === 'invalid-key') {
                setFieldError(publicKey, errors.publicKey ?? e.message);
            }
            showError(e.message);
        } finally {
            submit.disabled = false;
        }
    });

    replace(view, h('h1', {}, 'My terminals'), table, form);
    await load();
}
