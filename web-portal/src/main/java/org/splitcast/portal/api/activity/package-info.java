/** {@code /api/events}: the event lists of step 112 of seed 003, from integrators. */
package org.splitcast.portal.api.activity;
