/** REST resources for logins: staff accounts ({@code /api/accounts}) and the caller ({@code /api/me}). */
package org.splitcast.portal.api.account;
