/** The API of the key vault: {@link org.splitcast.keys.KeyVault} and {@link org.splitcast.keys.KeyOwner}, the owner ids that bind each wrapped key to its row (implementation: ejb-license). */
package org.splitcast.keys;
