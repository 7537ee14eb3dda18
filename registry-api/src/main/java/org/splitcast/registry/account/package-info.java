/** The API of accounts and authentication: {@link org.splitcast.registry.account.AccountService}, roles, the caller, and their DTOs (implementation: ejb-license). */
package org.splitcast.registry.account;
