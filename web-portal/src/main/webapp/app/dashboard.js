// #/dashboard: the operator's live view of the license server and the load-gated precompute
// (seed 003 steps 112-126). Every POLL_MS it reads GET /api/precompute/status (workload, S1, gate,
// store, active users), GET /api/metrics (licenses and latency, see metrics.js) and
// GET /api/precompute/runs; the ingest jobs panel reads GET /api/ingests and the live groups panel
// GET /api/live/groups (asked only when the server's OpenAPI document declares it). Each panel is
// an entry of PANELS.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import {api, get} from './api.js';
import {formatNumber, formatTime, h, replace, showError} from './ui.js';
import {buckets, parsePrometheus, quantileBetween, sum} from './metrics.js';
import {settingsForm} from './settings.js';

const POLL_MS = 2000;
const KEEP = 180; // samples kept: 6 minutes at one every 2 s
const COLORS = {hits: '#1a7f37', misses: '#c4410c', p50: '#1f4fa8', p99: '#8250df', workload: '#1f4fa8',
    s1: '#cf222e', computed: '#1a7f37', budget: '#9a6700', store: '#1f4fa8', waiting: '#8250df'};

const OUTCOMES = {
    CLOSED: 'gate closed', COMPLETED: 'completed', BUDGET_SPENT: 'budget spent',
    GATE_CLOSED: 'stopped at S1', PERIOD_OVER: 'period over', DISABLED: 'turned off', FAILED: 'failed',
};

function outcome(code) {
    return OUTCOMES[code] ?? code;
}

function series(label, color, extra = {}) {
    return {label, stroke: color, width: 2, spanGaps: false, ...extra};
}

function axes(yLabel, y2Label) {
    const a = [{stroke: '#57606a', grid: {stroke: '#eaeef2'}}, {label: yLabel, stroke: '#57606a', grid: {stroke: '#eaeef2'}, size: 60}];
    if (y2Label) {
        a.push({label: y2Label, stroke: '#57606a', side: 1, scale: 'y2', grid: {show: false}, size: 60});
    }
    return a;
}

/** A chart panel: a figure with a heading, a uPlot chart and a live text summary. */
function chartPanel(id, title, options) {
    const summary = h('p', {class: 'chart-summary', id: `${id}-summary`, 'aria-live': 'off'});
    const target = h('div', {class: 'chart', role: 'img', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-summary`});
    const figure = h('figure', {class: 'card panel', id}, h('h2', {id: `${id}-title`}, title), target, summary);
    let plot = null;
    return {
        figure,
        mount() {
            plot = new uPlot({width: Math.max(260, target.clientWidth), height: 220, legend: {live: false}, ...options},
                options.data ?? [[]], target);
            return plot;
        },
        update(data, text, latest, xRange) {
            plot?.setData(data);
            if (plot && xRange) {
                plot.setScale('x', {min: xRange[0], max: xRange[1]});
            }
            summary.textContent = text;
            figure.dataset.points = String(data[0].length);
            figure.dataset.latest = JSON.stringify(latest);
        },
        resize() {
            plot?.setSize({width: Math.max(260, target.clientWidth), height: 220});
        },
        destroy() {
            plot?.destroy();
        },
    };
}

const STATES = {
    RECEIVING: 'receiving', QUEUED: 'queued', SEPARATING: 'separating', READY: 'ready', FAILED: 'failed',
    CANCELLED: 'cancelled',
};

function formatBytes(bytes) {
    if (bytes === null || bytes === undefined) {
        return '—';
    }
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${formatNumber(value)} ${units[unit]}`;
}

function formatEta(seconds) {
    if (seconds === null || seconds === undefined) {
        return '—';
    }
    return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** A panel holding a table (or a sentence when there is nothing to list). */
function tablePanel(id, title, empty, columns, row) {
    const summary = h('p', {class: 'chart-summary', id: `${id}-summary`});
    const body = h('div', {class: 'table-wrap'});
    const figure = h('section', {class: 'card panel', id, 'aria-labelledby': `${id}-title`},
        h('h2', {id: `${id}-title`}, title), body, summary);
    replace(body, h('p', {class: 'empty'}, 'Loading…'));
    return {
        figure,
        mount() {},
        resize() {},
        destroy() {},
        update(items, text) {
            figure.dataset.items = String(items.length);
            summary.textContent = text ?? '';
            replace(body, items.length
                ? h('table', {},
                    h('caption', {class: 'sr-only'}, title),
                    h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col'}, c)))),
                    h('tbody', {}, items.map(row)))
                : h('p', {class: 'empty'}, empty));
        },
    };
}

function ingestRow(job) {
    const running = ['RECEIVING', 'QUEUED', 'SEPARATING'].includes(job.state);
    const fraction = job.bytesTotal ? Math.min(1, job.bytesDone / job.bytesTotal) : null;
    const progress = running && fraction !== null
        ? h('progress', {max: 1, value: fraction, 'aria-label': `${job.contentId}: ${formatNumber(fraction * 100)} %`})
        : null;
    return h('tr', {dataset: {contentId: job.contentId, state: job.state}},
        h('td', {}, h('code', {}, job.contentId)),
        h('td', {}, h('span', {class: job.state === 'READY' ? 'badge ready' : job.state === 'FAILED' ? 'badge warn' : 'badge'},
            STATES[job.state] ?? job.state), job.error ? h('span', {class: 'sub'}, ` ${job.error}`) : null),
        h('td', {class: 'progress-cell'}, progress,
            ` ${formatBytes(job.bytesDone)}${job.bytesTotal ? ` of ${formatBytes(job.bytesTotal)}` : ''}`),
        h('td', {}, running && job.megabytesPerSecond !== null ? `${formatNumber(job.megabytesPerSecond)} MB/s` : '—'),
        h('td', {}, running ? formatEta(job.etaSeconds) : job.finishedAt ? `done ${formatTime(job.finishedAt)}` : '—'));
}

function liveRow(group) {
    return h('tr', {dataset: {group: group.group}},
        h('td', {}, h('code', {}, group.group)),
        h('td', {}, group.contentId),
        h('td', {}, formatNumber(group.members)),
        h('td', {}, `${formatBytes(group.bytesPerSecond)}/s`),
        h('td', {}, formatNumber(group.rekeys)),
        h('td', {}, group.keyPeriod === null || group.keyPeriod === undefined ? '—' : String(group.keyPeriod)));
}

const LIVE_GROUPS = '/api/live/groups';
let liveDeclared = null;

/** Whether this server has GET /api/live/groups (its OpenAPI document says), asked once. */
async function liveGroupsDeclared() {
    if (liveDeclared === null) {
        liveDeclared = api('GET', '/openapi?format=JSON')
            .then(({data}) => {
                const doc = typeof data === 'string' ? JSON.parse(data) : data;
                return Object.keys(doc?.paths ?? {}).some(p => p === LIVE_GROUPS || p === '/live/groups');
            })
            .catch(() => false);
    }
    return liveDeclared;
}

/** The live groups, or [] when this server has none (no endpoint yet, or 404). */
async function liveGroups() {
    if (!(await liveGroupsDeclared())) {
        return [];
    }
    try {
        return await get(LIVE_GROUPS);
    } catch (e) {
        if (e.status === 404) {
            return [];
        }
        throw e;
    }
}

/** Shades the stretches where the gate was closed (uPlot draw hook over the plot area). */
function gateShading(closedOf) {
    return u => {
        const closed = closedOf();
        const xs = u.data[0];
        const {ctx} = u;
        ctx.save();
        ctx.fillStyle = 'rgba(207, 34, 46, 0.10)';
        for (let i = 0; i < xs.length; i++) {
            if (closed[i]) {
                const x0 = u.valToPos(xs[i], 'x', true);
                const x1 = i + 1 < xs.length ? u.valToPos(xs[i + 1], 'x', true) : u.bbox.left + u.bbox.width;
                ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
            }
        }
        ctx.restore();
    };
}

export async function dashboardView(view) {
    const t = [];
    const hits = [];
    const misses = [];
    const p50 = [];
    const p99 = [];
    const workload = [];
    const s1 = [];
    const closed = [];
    const store = [];
    const waiting = [];
    let previous = null;

    const licenses = chartPanel('chart-licenses', 'Licenses per second', {
        series: [{}, series('hits (precomputed)', COLORS.hits, {fill: 'rgba(26,127,55,0.08)'}), series('misses (computed)', COLORS.misses)],
        axes: axes('licenses/s'),
        scales: {y: {range: (u, min, max) => [0, Math.max(1, max * 1.1)]}},
    });
    const latency = chartPanel('chart-latency', 'License issue latency', {
        series: [{}, series('p50', COLORS.p50), series('p99', COLORS.p99)],
        axes: axes('ms'),
        scales: {y: {range: (u, min, max) => [0, Math.max(5, (max ?? 0) * 1.1)]}},
    });
    const gate = chartPanel('chart-workload', 'Workload against S1 (shaded: gate closed)', {
        series: [{}, series('workload', COLORS.workload, {fill: 'rgba(31,79,168,0.08)'}), series('S1', COLORS.s1, {dash: [6, 4]})],
        axes: axes('requests/s'),
        scales: {y: {range: (u, min, max) => [0, Math.max(1, (max ?? 0) * 1.15)]}},
        hooks: {drawClear: [gateShading(() => closed)]},
    });
    const runs = chartPanel('chart-runs', 'Precompute runs', {
        series: [{}, series('computed', COLORS.computed, {fill: 'rgba(26,127,55,0.35)', paths: uPlot.paths.bars({size: [0.6, 40]}), points: {show: false}}),
            series('budget', COLORS.budget, {dash: [4, 3], scale: 'y2'})],
        axes: axes('access blocks computed', 'budget'),
        scales: {y: {range: (u, min, max) => [0, Math.max(1, (max ?? 0) * 1.1)]}, y2: {range: (u, min, max) => [0, Math.max(1, (max ?? 0) * 1.1)]}},
    });
    const storage = chartPanel('chart-store', 'Precomputed store and active users waiting', {
        series: [{}, series('store size', COLORS.store), series('active users waiting', COLORS.waiting, {scale: 'y2'})],
        axes: axes('access blocks', 'subscribers'),
        scales: {y: {range: (u, min, max) => [0, Math.max(1, (max ?? 0) * 1.1)]}, y2: {range: (u, min, max) => [0, Math.max(1, (max ?? 0) * 1.1)]}},
    });
    const ingests = tablePanel('panel-ingests', 'Ingest jobs', 'No ingest yet.',
        ['Content', 'State', 'Progress', 'Speed', 'ETA'], ingestRow);
    const live = tablePanel('panel-live', 'Live groups', 'No live channels.',
        ['Group', 'Content', 'Members', 'Throughput', 'Rekeys', 'Key period'], liveRow);
    const PANELS = [licenses, latency, gate, runs, storage, ingests, live];

    const gateState = h('strong', {id: 'gate-state'}, '…');
    const gateReason = h('span', {id: 'gate-reason'});
    const cards = {
        workload: h('strong', {id: 'workload-now'}, '…'),
        hitRatio: h('strong', {id: 'hit-ratio'}, '…'),
        store: h('strong', {id: 'store-size'}, '…'),
        waiting: h('strong', {id: 'active-waiting'}, '…'),
        lastRun: h('strong', {id: 'last-run'}, '…'),
    };
    const subs = {
        workload: h('span', {class: 'sub'}),
        hitRatio: h('span', {class: 'sub'}),
        store: h('span', {class: 'sub'}),
        waiting: h('span', {class: 'sub'}),
        lastRun: h('span', {class: 'sub'}),
    };
    const updated = h('p', {class: 'muted', id: 'updated'});
    replace(view,
        h('h1', {}, 'Operator dashboard'),
        h('div', {class: 'cards'},
            h('div', {class: 'card stat gate', id: 'gate-card'}, h('span', {}, 'Precompute gate'), gateState, gateReason),
            h('div', {class: 'card stat'}, h('span', {}, 'Workload'), cards.workload, subs.workload),
            h('div', {class: 'card stat'}, h('span', {}, 'Hit ratio'), cards.hitRatio, subs.hitRatio),
            h('div', {class: 'card stat'}, h('span', {}, 'Store'), cards.store, subs.store),
            h('div', {class: 'card stat'}, h('span', {}, 'Active users waiting'), cards.waiting, subs.waiting),
            h('div', {class: 'card stat'}, h('span', {}, 'Last run'), cards.lastRun, subs.lastRun)),
        updated,
        h('div', {class: 'panels'}, PANELS.map(p => p.figure)),
        h('p', {class: 'muted'}, 'Figures of the node that answers; the workload is measured over the meter interval of the settings below.'),
        await settingsForm(() => setTimeout(() => poll().catch(e => showError(e.message)), 2500)));
    for (const p of PANELS) {
        p.mount();
    }
    const resizer = new ResizeObserver(() => PANELS.forEach(p => p.resize()));
    resizer.observe(view);

    function push(array, value) {
        array.push(value);
        if (array.length > KEEP) {
            array.shift();
        }
    }

    async function poll() {
        const [status, metricsText, runList, jobs, groups] = await Promise.all([
            get('/api/precompute/status'),
            api('GET', '/api/metrics').then(r => r.data),
            get('/api/precompute/runs?limit=30'),
            get('/api/ingests?limit=10'),
            liveGroups(),
        ]);
        const running = jobs.filter(j => ['RECEIVING', 'QUEUED', 'SEPARATING'].includes(j.state)).length;
        ingests.update(jobs, jobs.length ? `${running} running; the latest ingest of each content, newest first.` : '');
        live.update(groups, groups.length
            ? `${groups.length} live group${groups.length > 1 ? 's' : ''}, ${formatNumber(groups.reduce((n, g) => n + g.members, 0))} members.`
            : '');
        const now = Date.now() / 1000;
        const samples = parsePrometheus(metricsText);
        const current = {
            at: now,
            hits: sum(samples, 'splitcast_license_access_total', {source: 'precomputed'}),
            misses: sum(samples, 'splitcast_license_access_total', {source: 'computed'}),
            buckets: buckets(samples, 'splitcast_license_issue_seconds'),
        };
        if (previous) {
            const dt = Math.max(0.001, current.at - previous.at);
            const q50 = quantileBetween(0.5, previous.buckets, current.buckets);
            const q99 = quantileBetween(0.99, previous.buckets, current.buckets);
            push(t, now);
            push(hits, Math.max(0, (current.hits - previous.hits) / dt));
            push(misses, Math.max(0, (current.misses - previous.misses) / dt));
            push(p50, q50 === null ? null : q50 * 1000);
            push(p99, q99 === null ? null : q99 * 1000);
            push(workload, status.workload);
            push(s1, status.threshold);
            push(closed, !status.gateOpen);
            push(store, status.storeSize);
            push(waiting, status.activeUsersWaiting);
            const last = i => i[i.length - 1];
            licenses.update([t, hits, misses],
                `Now ${formatNumber(last(hits))} hits/s and ${formatNumber(last(misses))} misses/s.`,
                {hits: last(hits), misses: last(misses)});
            latency.update([t, p50, p99],
                last(p50) === null ? 'No license issued in the last seconds.' : `Now p50 ${formatNumber(last(p50))} ms, p99 ${formatNumber(last(p99))} ms.`,
                {p50: last(p50), p99: last(p99)});
            gate.update([t, workload, s1],
                `Workload ${formatNumber(status.workload)} requests/s, S1 ${formatNumber(status.threshold)}; gate ${status.gateOpen ? 'open' : 'closed'} (${status.gateReason}).`,
                {workload: status.workload, threshold: status.threshold, gateOpen: status.gateOpen});
            storage.update([t, store, waiting],
                `${formatNumber(status.storeSize)} access blocks stored, ${formatNumber(status.activeUsersWaiting)} subscribers waiting.`,
                {store: status.storeSize, waiting: status.activeUsersWaiting});
        }
        previous = current;
        const chronological = [...runList].reverse();
        const runTimes = chronological.map(r => Date.parse(r.startedAt) / 1000);
        // the same time window as the other charts, or back to the oldest run shown
        const from = Math.min(now - KEEP * POLL_MS / 1000, runTimes[0] ?? now) - 30;
        runs.update([runTimes, chronological.map(r => r.computed), chronological.map(r => r.budget)],
            chronological.length
                ? `${chronological.length} latest run${chronological.length > 1 ? 's' : ''}; the last computed ${runList[0].computed} of a budget of ${runList[0].budget} (${outcome(runList[0].outcome)}).`
                : 'No precompute run yet.',
            {runs: chronological.length}, [from, now + 30]);

        const open = status.gateOpen;
        gateState.textContent = status.gateOpen ? 'Open' : 'Closed';
        gateReason.textContent = status.gateReason;
        document.getElementById('gate-card').classList.toggle('open', open);
        document.getElementById('gate-card').classList.toggle('closed', !open);
        const trend = status.trend >= 0 ? `+${formatNumber(status.trend)}` : formatNumber(status.trend);
        cards.workload.textContent = `${formatNumber(status.workload)} req/s`;
        subs.workload.textContent = `S1 ${formatNumber(status.threshold)} req/s · trend ${trend} per interval`;
        cards.hitRatio.textContent = status.hitRatio === null || status.hitRatio === undefined
            ? '—' : `${formatNumber(status.hitRatio * 100)} %`;
        subs.hitRatio.textContent = `${status.hits} hits, ${status.misses} misses on this node`;
        cards.store.textContent = formatNumber(status.storeSize);
        subs.store.textContent = 'access blocks precomputed';
        cards.waiting.textContent = formatNumber(status.activeUsersWaiting);
        subs.waiting.textContent = 'subscribers on the active list';
        cards.lastRun.textContent = status.lastRun ? outcome(status.lastRun.outcome) : 'none yet';
        subs.lastRun.textContent = status.lastRun
            ? `${status.lastRun.computed} computed of a budget of ${status.lastRun.budget}, ${formatTime(status.lastRun.startedAt)}`
            : 'precompute runs appear here';
        updated.textContent = `Updated ${formatTime(new Date())}, every ${POLL_MS / 1000} s.`;
    }

    let stopped = false;
    let timer = null;
    async function loop() {
        try {
            await poll();
            showError(null);
        } catch (e) {
            showError(e.message);
        }
        if (!stopped) {
            timer = setTimeout(loop, POLL_MS);
        }
    }
    await loop();
    return () => {
        stopped = true;
        clearTimeout(timer);
        resizer.disconnect();
        PANELS.forEach(p => p.destroy());
    };
}
