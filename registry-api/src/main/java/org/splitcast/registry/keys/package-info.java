/** The API of the key vault: {@link org.splitcast.registry.keys.KeyVault} and {@link org.splitcast.registry.keys.KeyOwner}, the owner ids that bind each wrapped key to its row (implementation: ejb-registry; other modules read the registry through the *Directory interfaces). */
package org.splitcast.registry.keys;
