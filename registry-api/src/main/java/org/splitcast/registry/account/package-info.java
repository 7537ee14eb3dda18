/** The API of accounts and authentication: {@link org.splitcast.registry.account.AccountService}, roles, the caller, and their DTOs (implementation: ejb-registry; other modules read the registry through the *Directory interfaces). */
package org.splitcast.registry.account;
