/**
 * The operator's settings of the load-gated precompute (S1, the meter's interval, the timer's
 * period, the selection policy of operation 124, the budget), kept in the database for every node
 * ({@link org.splitcast.license.precompute.settings.PrecomputeSettingsRow}) over the MicroProfile Config
 * defaults ({@link org.splitcast.license.precompute.settings.PrecomputeDefaults}), and the status the
 * operator reads ({@link org.splitcast.license.precompute.settings.DefaultPrecomputeControl}).
 */
package org.splitcast.license.precompute.settings;
