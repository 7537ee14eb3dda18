/**
 * The live REST API (docs/live.md §1, §2, §6, §11): challenges and live sessions for terminals
 * (no account: the proof authenticates), the public verification key, and the channels for the
 * operator.
 */
package org.splitcast.portal.api.live;
