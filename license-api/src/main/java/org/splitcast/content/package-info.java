/** The API of the catalogue: {@link org.splitcast.content.ContentService}, contents, packages and their DTOs (implementation: ejb-license). */
package org.splitcast.content;
