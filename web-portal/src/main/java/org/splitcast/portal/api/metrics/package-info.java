/** {@code /api/metrics}: this node's metrics as Prometheus text, for a scraper with operator credentials. */
package org.splitcast.portal.api.metrics;
