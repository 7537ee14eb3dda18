#!/usr/bin/env bash
# Share of the CPU samples of an async-profiler collapsed-stacks file by layer (issue 12).
#   benchmarks/http/profile-breakdown.sh benchmarks/target/http/hit-PS256.collapsed
# A stack counts for the FIRST category (in the order below) whose pattern one of its frames
# matches, from the leaf up: the innermost known layer gets the sample. "license request" is the
# share of all samples under DefaultLicenseIssuer.issue (the rest: HTTP, security, JSON, GC, JIT...).
set -euo pipefail
file="$1"
awk '
BEGIN {
    n = split("argon2|Argon2|argon2id;credential cache HMAC|CredentialCache;JCA provider look-up|getService|BCJcaJceHelper|GetInstance|JceSecurity;H2 database|org/h2/;Hibernate / JPA|org/hibernate/;JDBC pool / JCA tx|jboss/jca/|ironjacamar|arjuna|narayana;crypto (HMAC, AES, signature)|bouncycastle|amazon/corretto|sun/security|com/sun/crypto;JSON|yasson|json/;EJB / CDI interceptors|org/jboss/as/ejb3|org/jboss/weld|org/jboss/invocation;security (Elytron, Jakarta Security)|wildfly/security|soteria|jakarta/security;RESTEasy|resteasy;Undertow / XNIO|undertow|xnio;GC|GCTaskThread|G1|gc_|PSPromotionManager|PSScavenge|PSParallelCompact|ParallelScavenge|PSRootsClosure|StealTask;JIT compiler|CompileBroker|C2Compiler|C1Compiler|Compile::", rows, ";")
    for (i = 1; i <= n; i++) { split(rows[i], kv, "|"); name[i] = kv[1]; pat[i] = substr(rows[i], length(kv[1]) + 2) }
}
{
    count = $NF; stack = substr($0, 1, length($0) - length($NF) - 1); total += count
    if (stack ~ /DefaultLicenseIssuer/) issuing += count
    m = split(stack, frames, ";"); hit = 0
    for (f = m; f >= 1 && !hit; f--) for (i = 1; i <= n; i++) if (frames[f] ~ pat[i]) { hit = i; break }
    if (hit) by[hit] += count; else other += count
}
END {
    printf "%d samples; under DefaultLicenseIssuer.issue: %.1f%%\n\n| layer (innermost frame) | share |\n|---|---:|\n", total, 100 * issuing / total
    for (i = 1; i <= n; i++) if (by[i] > 0) printf "| %s | %.1f%% |\n", name[i], 100 * by[i] / total
    printf "| other | %.1f%% |\n", 100 * other / total
}' "$file"
