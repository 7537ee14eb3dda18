/** The API of the catalogue: {@link org.splitcast.registry.content.ContentService}, contents, packages and their DTOs (implementation: ejb-license). */
package org.splitcast.registry.content;
