/**
 * Step 112 of seed 003: the persistent list of active users ({@link
 * org.splitcast.license.activity.internal.ActiveUser}), kept by the system's own operations (a subscriber joins, a
 * terminal is registered, a license is issued) and by integrators' events ({@link
 * org.splitcast.license.activity.internal.DefaultActivityService}); accesses reported by integrators join the
 * viewing history ({@link org.splitcast.license.activity.internal.ContentAccess}).
 */
package org.splitcast.license.activity.internal;
