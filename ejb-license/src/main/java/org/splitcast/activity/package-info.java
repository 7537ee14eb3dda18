/**
 * Step 112 of seed 003: the persistent list of active users ({@link
 * org.splitcast.activity.ActiveUser}), kept by the system's own operations (a subscriber joins, a
 * terminal is registered, a license is issued) and by integrators' events ({@link
 * org.splitcast.activity.DefaultActivityService}); accesses reported by integrators join the
 * viewing history ({@link org.splitcast.activity.ContentAccess}).
 */
package org.splitcast.activity;
