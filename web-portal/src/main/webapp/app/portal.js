// The subscriber's portal: recommendations for a chosen terminal (ready = precomputed), the
// catalogue (search, genre, pages), and entitlements.
import {get, seg} from './api.js';
import {announce, field, formatDuration, formatTime, h, replace, showError} from './ui.js';
import {pickTitle, terminalsOf} from './license.js';

const PAGE_SIZE = 10;

const REASONS = {
    CO_VIEW: 'watched by those who watched what you watched',
    SEGMENT_POPULAR: 'popular with subscribers like you',
    POPULAR: 'popular',
};

function chosenKey(session) {
    return `splitcast.terminal.${session.subscriberId}`;
}

/**
 * A terminal picker of the subscriber's active terminals; calls onChange(terminal) now and at each
 * change. Returns the element, or a hint when there is no active terminal.
 */
async function terminalPicker(session, onChange) {
    const terminals = (await terminalsOf(session.subscriberId)).filter(t => t.status === 'ACTIVE');
    if (!terminals.length) {
        onChange(null);
        return h('p', {class: 'card'}, 'You have no active terminal yet: ',
            h('a', {href: '#/terminals'}, 'register one'), ' to get licenses.');
    }
    const select = h('select', {name: 'terminal'},
        terminals.map(t => h('option', {value: t.id}, `${t.label} (${t.id})`)));
    const remembered = localStorage.getItem(chosenKey(session));
    if (terminals.some(t => t.id === remembered)) {
        select.value = remembered;
    }
    const current = () => terminals.find(t => t.id === select.value);
    select.addEventListener('change', () => {
        localStorage.setItem(chosenKey(session), select.value);
        onChange(current());
    });
    const f = field('terminal-choice', 'Terminal', select, 'Licenses are asked for this terminal.');
    onChange(current());
    return h('div', {class: 'toolbar'}, f.wrap);
}

async function pick(panel, content, terminal) {
    showError(null);
    try {
        await pickTitle(panel, content, terminal);
        announce(`License received for ${content.title}`);
    } catch (e) {
        panel.hidden = true;
        showError(e.message);
    }
}

/** #/recommendations */
export async function recommendationsView(view, session) {
    const list = h('ol', {class: 'items', id: 'recommendations', 'aria-live': 'polite'});
    const panel = h('section', {class: 'card license', id: 'license', 'aria-live': 'polite', hidden: true});
    const note = h('p', {class: 'muted'});
    let terminal = null;
    let loading = 0;

    async function load() {
        const mine = ++loading;
        if (!terminal) {
            replace(list);
            return;
        }
        replace(note, 'Loading your recommendations…');
        delete list.dataset.terminalId;
        try {
            const data = await get(`/api/subscribers/${seg(session.subscriberId)}/recommendations?limit=10&terminalId=${seg(terminal.id)}`);
            if (mine !== loading) {
                return;
            }
            const ready = data.items.filter(i => i.ready).length;
            replace(note, !data.items.length
                ? 'No recommendation yet: everything you are entitled to has been watched, or the catalogue is empty.'
                : ready
                    ? `${data.items.length} titles for ${terminal.label}, ${ready} ready: their license is precomputed, so picking them is instant.`
                    : `${data.items.length} titles for ${terminal.label}; none is precomputed for it yet. The server precomputes the first ones for active subscribers while it is quiet (a run a minute): Refresh in a minute.`);
            list.dataset.terminalId = terminal.id;
            replace(list, data.items.map(item => h('li', {class: 'item', dataset: {contentId: item.contentId}},
                h('div', {class: 'item-main'},
                    h('h3', {}, item.title),
                    h('p', {class: 'muted'}, item.genre, ' · ', REASONS[item.reason] ?? item.reason)),
                item.ready
                    ? h('span', {class: 'badge ready', title: 'Its access block is precomputed for this terminal'}, 'Ready')
                    : h('span', {class: 'badge', title: 'The license will be computed when you pick it'}, 'On demand'),
                h('button', {type: 'button', onclick: () => pick(panel, item, terminal)},
                    'Pick', h('span', {class: 'sr-only'}, ` ${item.title}`)))));
        } catch (e) {
            replace(note);
            showError(e.message);
        }
    }

    const picker = await terminalPicker(session, t => {
        terminal = t;
        panel.hidden = true;
        load();
    });
    replace(view,
        h('h1', {}, 'Recommended for you'),
        picker,
        h('div', {class: 'columns'},
            h('section', {'aria-labelledby': 'rec-title'},
                h('h2', {id: 'rec-title', class: 'sr-only'}, 'Recommendations'),
                note, list,
                h('button', {type: 'button', class: 'secondary', onclick: load}, 'Refresh')),
            panel));
    await load();
}

/** #/catalogue */
export async function catalogueView(view, session) {
    const subscriber = session.role === 'subscriber';
    const [genres, entitlements] = await Promise.all([
        get('/api/genres'),
        subscriber ? get(`/api/subscribers/${seg(session.subscriberId)}/entitlements`) : Promise.resolve([]),
    ]);
    const valid = entitlements.filter(e => e.validNow);
    const entitledPackages = new Set(valid.map(e => e.packageId).filter(Boolean));
    const entitledContents = new Set(valid.map(e => e.contentId).filter(Boolean));
    const isEntitled = c => entitledContents.has(c.id) || c.packageIds.some(p => entitledPackages.has(p));

    const search = field('catalogue-search', 'Search titles', h('input', {type: 'search', maxlength: 100, autocomplete: 'off'}));
    const genre = field('catalogue-genre', 'Genre', h('select', {},
        h('option', {value: ''}, 'All genres'), genres.map(g => h('option', {value: g}, g))));
    const results = h('ul', {class: 'items', id: 'catalogue'});
    const summary = h('p', {class: 'muted', 'aria-live': 'polite'});
    const prev = h('button', {type: 'button', class: 'secondary'}, 'Previous');
    const next = h('button', {type: 'button', class: 'secondary'}, 'Next');
    const panel = h('section', {class: 'card license', id: 'license', 'aria-live': 'polite', hidden: true});
    let offset = 0;
    let terminal = null;
    let loading = 0;

    async function load() {
        const mine = ++loading;
        const params = new URLSearchParams({offset, limit: PAGE_SIZE});
        if (search.control.value.trim()) {
            params.set('q', search.control.value.trim());
        }
        if (genre.control.value) {
            params.set('genre', genre.control.value);
        }
        try {
            const page = await get(`/api/contents?${params}`);
            if (mine !== loading) {
                return;
            }
            const last = Math.min(page.offset + page.items.length, page.total);
            replace(summary, page.total
                ? `Titles ${page.offset + 1}–${last} of ${page.total}`
                : 'No title matches.');
            prev.disabled = page.offset === 0;
            next.disabled = last >= page.total;
            replace(results, page.items.map(c => {
                const entitled = subscriber && isEntitled(c);
                const rules = c.rules ?? {};
                return h('li', {class: 'item', dataset: {contentId: c.id}},
                    h('div', {class: 'item-main'},
                        h('h3', {}, c.title),
                        h('p', {class: 'muted'}, c.genre, ' · ', formatDuration(c.durationSeconds), ' · ',
                            rules.maxPlays ? `${rules.maxPlays} plays` : 'unlimited plays',
                            rules.rentalWindowHours ? ` in ${rules.rentalWindowHours} h` : '')),
                    subscriber ? h('span', {class: entitled ? 'badge ready' : 'badge'}, entitled ? 'Entitled' : 'Not entitled') : null,
                    subscriber && entitled && terminal
                        ? h('button', {type: 'button', onclick: () => pick(panel, {contentId: c.id, title: c.title}, terminal)},
                            'Pick', h('span', {class: 'sr-only'}, ` ${c.title}`))
                        : null);
            }));
        } catch (e) {
            showError(e.message);
        }
    }

    let debounce;
    search.control.addEventListener('input', () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => {
            offset = 0;
            load();
        }, 250);
    });
    genre.control.addEventListener('change', () => {
        offset = 0;
        load();
    });
    prev.addEventListener('click', () => {
        offset = Math.max(0, offset - PAGE_SIZE);
        load();
    });
    next.addEventListener('click', () => {
        offset += PAGE_SIZE;
        load();
    });
    const picker = subscriber ? await terminalPicker(session, t => {
        terminal = t;
        panel.hidden = true;
        load();
    }) : null;
    replace(view,
        h('h1', {}, 'Catalogue'),
        h('form', {class: 'toolbar', role: 'search', onsubmit: e => {
            e.preventDefault();
            offset = 0;
            load();
        }}, search.wrap, genre.wrap, picker),
        h('div', {class: 'columns'},
            h('section', {'aria-label': 'Titles'}, summary, results,
                h('nav', {class: 'pager', 'aria-label': 'Pages'}, prev, next)),
            panel));
    await load();
    return () => clearTimeout(debounce);
}

/** #/entitlements */
export async function entitlementsView(view, session) {
    const [entitlements, packages] = await Promise.all([
        get(`/api/subscribers/${seg(session.subscriberId)}/entitlements`),
        get('/api/packages'),
    ]);
    const packageNames = new Map(packages.map(p => [p.id, p.name ?? p.id]));
    const titles = new Map();
    await Promise.all(entitlements.filter(e => e.contentId).map(async e => {
        try {
            titles.set(e.contentId, (await get(`/api/contents/${seg(e.contentId)}`)).title);
        } catch (err) {
            titles.set(e.contentId, e.contentId);
        }
    }));
    const now = Date.now();
    const state = e => e.validNow ? 'Valid now'
        : (e.validFrom && new Date(e.validFrom).getTime() > now ? 'Not yet valid' : 'Ended');
    const rows = [...entitlements].sort((a, b) => Number(b.validNow) - Number(a.validNow));
    replace(view,
        h('h1', {}, 'My entitlements'),
        rows.length ? h('div', {class: 'table-wrap'}, h('table', {id: 'entitlements'},
            h('caption', {class: 'sr-only'}, 'Your entitlements, valid ones first'),
            h('thead', {}, h('tr', {},
                h('th', {scope: 'col'}, 'What'), h('th', {scope: 'col'}, 'Kind'),
                h('th', {scope: 'col'}, 'From'), h('th', {scope: 'col'}, 'Until'), h('th', {scope: 'col'}, 'Status'))),
            h('tbody', {}, rows.map(e => h('tr', {class: e.validNow ? 'valid' : 'ended'},
                h('td', {}, e.packageId ? `Package: ${packageNames.get(e.packageId) ?? e.packageId}` : titles.get(e.contentId)),
                h('td', {}, e.kind === 'PACKAGE' ? 'package' : 'purchase'),
                h('td', {}, e.validFrom ? formatTime(e.validFrom) : 'always'),
                h('td', {}, e.validUntil ? formatTime(e.validUntil) : 'no end'),
                h('td', {}, h('span', {class: e.validNow ? 'badge ready' : 'badge'}, state(e))))))))
            : h('p', {}, 'You have no entitlement yet.'));
}

