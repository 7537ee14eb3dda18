/** {@code /api/precompute}: the operator fills the precomputed access store (step 126) by hand. */
package org.splitcast.portal.api.precompute;
