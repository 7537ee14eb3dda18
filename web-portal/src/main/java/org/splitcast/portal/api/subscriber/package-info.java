/** REST resources for subscribers: {@code /api/subscribers}. */
package org.splitcast.portal.api.subscriber;
