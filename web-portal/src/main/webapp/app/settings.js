// The precompute settings form (PUT /api/precompute/settings): S1, the meter interval, the policy,
// K, enabled, and the rest under "More settings". Checked here with the server's own limits, and
// the server's validation messages shown next to their fields.
import {api, get} from './api.js';
import {announce, confirmDialog, field, h, replace, setFieldError, showError} from './ui.js';

/** Seconds of an ISO-8601 duration as JSON-B writes java.time.Duration (PT5M, PT1H30M, PT2.5S). */
export function seconds(iso) {
    const m = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(String(iso));
    if (!m) {
        return NaN;
    }
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

function numberInput(attrs) {
    return h('input', {type: 'number', inputmode: 'decimal', required: true, ...attrs});
}

const RULES = {
    threshold: [v => v >= 0, 'threshold must not be negative'],
    interval: [v => Number.isInteger(v) && v >= 1 && v <= 3600, 'interval must be a whole number of seconds between 1 and 3600'],
    k: [v => Number.isInteger(v) && v >= 1 && v <= 100, 'k must be between 1 and 100'],
    trendIntervals: [v => Number.isInteger(v) && v >= 2 && v <= 12, 'trendIntervals must be between 2 and 12'],
    period: [v => Number.isInteger(v) && v >= 2 && v <= 86400, 'period must be a whole number of seconds between 2 and 86400'],
    listSize: [v => Number.isInteger(v) && v >= 1 && v <= 100, 'listSize must be between 1 and 100'],
    maxItemsPerRun: [v => Number.isInteger(v) && v >= 0 && v <= 1000000, 'maxItemsPerRun must be between 0 and 1000000'],
    itemCost: [v => v >= 0.01, 'itemCost must be at least 0.01'],
};

/** The form, as an element; onSaved(settings) after each change. */
export async function settingsForm(onSaved = () => {}) {
    const fields = {
        enabled: field('set-enabled', 'Precompute enabled', h('input', {type: 'checkbox'})),
        threshold: field('set-threshold', 'S1 (requests/s)', numberInput({min: 0, step: 'any'}),
            'The precompute runs only while the projected workload stays under S1.'),
        interval: field('set-interval', 'Meter interval (s)', numberInput({min: 1, max: 3600, step: 1}),
            'The workload is the license requests of this interval ÷ its length.'),
        policy: field('set-policy', 'Policy', h('select', {},
            h('option', {value: 'ALL'}, 'ALL: every recommended title'),
            h('option', {value: 'FIRST_K'}, 'FIRST_K: the first K'),
            h('option', {value: 'LOAD_DEPENDENT'}, 'LOAD_DEPENDENT: fewer as the load rises'))),
        k: field('set-k', 'K', numberInput({min: 1, max: 100, step: 1})),
        trendIntervals: field('set-trend', 'Trend over (intervals)', numberInput({min: 2, max: 12, step: 1})),
        period: field('set-period', 'Timer period (s)', numberInput({min: 2, max: 86400, step: 1})),
        listSize: field('set-list-size', 'Recommendation list size', numberInput({min: 1, max: 100, step: 1})),
        maxItemsPerRun: field('set-max-items', 'Most access blocks per run', numberInput({min: 0, max: 1000000, step: 1})),
        itemCost: field('set-item-cost', 'Cost of one access block (requests)', numberInput({min: 0.01, step: 'any'})),
    };
    fields.enabled.wrap.classList.add('checkbox');

    function show(s) {
        fields.enabled.control.checked = s.enabled;
        fields.threshold.control.value = s.threshold;
        fields.interval.control.value = seconds(s.interval);
        fields.policy.control.value = s.policy;
        fields.k.control.value = s.k;
        fields.trendIntervals.control.value = s.trendIntervals;
        fields.period.control.value = seconds(s.period);
        fields.listSize.control.value = s.listSize;
        fields.maxItemsPerRun.control.value = s.maxItemsPerRun;
        fields.itemCost.control.value = s.itemCost;
    }

    const saved = h('p', {class: 'muted', role: 'status'});
    const save = h('button', {type: 'submit'}, 'Save settings');
    const reset = h('button', {type: 'button', class: 'secondary'}, 'Back to defaults');
    const form = h('form', {class: 'card settings', id: 'settings-form', novalidate: true, 'aria-labelledby': 'settings-title'},
        h('h2', {id: 'settings-title'}, 'Precompute settings'),
        h('div', {class: 'settings-grid'},
            fields.enabled.wrap, fields.threshold.wrap, fields.interval.wrap, fields.policy.wrap, fields.k.wrap),
        h('details', {}, h('summary', {}, 'More settings'),
            h('div', {class: 'settings-grid'},
                fields.trendIntervals.wrap, fields.period.wrap, fields.listSize.wrap, fields.maxItemsPerRun.wrap, fields.itemCost.wrap)),
        h('div', {class: 'actions'}, reset, save), saved);

    form.addEventListener('submit', async event => {
        event.preventDefault();
        Object.values(fields).forEach(f => setFieldError(f, null));
        const value = name => Number(fields[name].control.value);
        const settings = {
            enabled: fields.enabled.control.checked,
            threshold: value('threshold'),
            interval: value('interval'),
            trendIntervals: value('trendIntervals'),
            period: value('period'),
            policy: fields.policy.control.value,
            k: value('k'),
            listSize: value('listSize'),
            maxItemsPerRun: value('maxItemsPerRun'),
            itemCost: value('itemCost'),
        };
        let firstInvalid = null;
        for (const [name, [ok, message]] of Object.entries(RULES)) {
            if (fields[name].control.value.trim() === '' || !ok(settings[name])) {
                setFieldError(fields[name], message);
                firstInvalid ??= fields[name].control;
            }
        }
        if (firstInvalid) {
            saved.textContent = 'Not saved: correct the fields marked.';
            firstInvalid.focus();
            return;
        }
        settings.interval = `PT${settings.interval}S`;
        settings.period = `PT${settings.period}S`;
        save.disabled = true;
        try {
            const {data} = await api('PUT', '/api/precompute/settings', settings);
            show(data);
            saved.textContent = `Saved at ${new Date().toLocaleTimeString()}: in force at the next tick (2 s).`;
            announce('Precompute settings saved');
            showError(null);
            onSaved(data);
        } catch (e) {
            const errors = e.fieldErrors?.() ?? {};
            let marked = false;
            for (const [name, message] of Object.entries(errors)) {
                if (fields[name]) {
                    setFieldError(fields[name], message);
                    marked = true;
                }
            }
            saved.textContent = marked ? 'Not saved: correct the fields marked.' : '';
            showError(e.message);
        } finally {
            save.disabled = false;
        }
    });
    reset.addEventListener('click', async () => {
        if (!(await confirmDialog('Forget the settings set here and use the server configuration’s defaults?', 'Use defaults'))) {
            return;
        }
        try {
            const {data} = await api('DELETE', '/api/precompute/settings');
            show(data);
            saved.textContent = 'Back to the configuration’s defaults.';
            onSaved(data);
        } catch (e) {
            showError(e.message);
        }
    });
    show(await get('/api/precompute/settings'));
    return form;
}
