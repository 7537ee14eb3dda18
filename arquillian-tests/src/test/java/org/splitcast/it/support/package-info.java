/** What the integration tests share: the deployments, an HTTP/JSON client, and database access for checks. */
package org.splitcast.it.support;
