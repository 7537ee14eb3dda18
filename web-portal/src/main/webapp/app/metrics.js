// Reads GET /api/metrics (the Prometheus text format, version 0.0.4) in the page: counters become
// rates and the license-issue histogram becomes quantiles, from the difference of two scrapes, the
// way Prometheus' rate() and histogram_quantile() do it. The page needs no other metrics endpoint.

/** Parses the text format into a list of samples {name, labels, value}. Comments are skipped. */
export function parsePrometheus(text) {
    const samples = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#')) {
            continue;
        }
        const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
        if (!match) {
            continue;
        }
        const labels = {};
        for (const l of (match[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
            labels[l[1]] = l[2].replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
        }
        const value = match[4] === '+Inf' ? Infinity : match[4] === '-Inf' ? -Infinity : Number(match[4]);
        samples.push({name: match[1], labels, value});
    }
    return samples;
}

/** The sum of the samples named name whose labels include all of the given ones. */
export function sum(samples, name, labels = {}) {
    return samples
        .filter(s => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        .reduce((total, s) => total + s.value, 0);
}

/** The cumulative buckets of histogram base (summed over other labels), sorted by upper bound. */
export function buckets(samples, base) {
    const byBound = new Map();
    for (const s of samples) {
        if (s.name === `${base}_bucket` && s.labels.le !== undefined) {
            const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
            byBound.set(le, (byBound.get(le) ?? 0) + s.value);
        }
    }
    return [...byBound.entries()].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({le, count}));
}

/**
 * The q-quantile of the observations made between two scrapes of the same histogram, by linear
 * interpolation inside the bucket where it falls (as histogram_quantile); null without observations.
 */
export function quantileBetween(q, before, after) {
    const previous = new Map(before.map(b => [b.le, b.count]));
    const delta = after.map(b => ({le: b.le, count: b.count - (previous.get(b.le) ?? 0)}));
    const total = delta.length ? delta[delta.length - 1].count : 0;
    if (!(total > 0)) {
        return null;
    }
    const rank = q * total;
    let lowerBound = 0;
    let lowerCount = 0;
    for (const b of delta) {
        if (b.count >= rank) {
            if (b.le === Infinity) {
                return lowerBound; // beyond the last finite bound: its value is unknown, say the bound
            }
            const inBucket = b.count - lowerCount;
            return inBucket > 0 ? lowerBound + (b.le - lowerBound) * ((rank - lowerCount) / inBucket) : b.le;
        }
        lowerBound = b.le;
        lowerCount = b.count;
    }
    return lowerBound;
}
