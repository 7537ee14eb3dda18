/**
 * REST resources for terminals: registration under {@code /api/subscribers/{id}/terminals}
 * (the symmetric key KT returned once, with {@code Cache-Control: no-store}), lookup, revocation
 * and removal.
 */
package org.splitcast.portal.api.terminal;
