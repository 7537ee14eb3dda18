/** The application's metrics, as Prometheus / OpenMetrics text for a scraper. */
package org.splitcast.license.metrics;
