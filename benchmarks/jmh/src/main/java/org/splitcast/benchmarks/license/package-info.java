/**
 * The compute path of a license in JMH (issue 3): a miss (seed 003, step 142, the access block
 * wrapped and signed, then the grant of step 144) per signature algorithm and terminal key type,
 * and a hit (step 144 alone), with the native provider and with BouncyCastle; {@link
 * org.splitcast.benchmarks.license.LicenseBenchmarks} runs them and prints the table of ratios.
 */
package org.splitcast.benchmarks.license;
