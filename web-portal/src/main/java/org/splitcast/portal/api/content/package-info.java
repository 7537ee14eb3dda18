/** REST resources for the catalogue: {@code /api/contents} and {@code /api/packages}. */
package org.splitcast.portal.api.content;
