/** The API of the catalogue: {@link org.splitcast.registry.content.ContentService}, contents, packages and their DTOs (implementation: ejb-registry; other modules read the registry through the *Directory interfaces). */
package org.splitcast.registry.content;
