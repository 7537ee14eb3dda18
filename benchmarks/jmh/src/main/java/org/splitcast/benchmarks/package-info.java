/**
 * The JMH benchmarks of splitcast, each package one subject (license, recommendation, workload),
 * and {@link org.splitcast.benchmarks.MarkdownReport}, the runner they share.
 */
package org.splitcast.benchmarks;
