/** The API of accounts and authentication: {@link org.splitcast.account.AccountService}, roles, the caller, and their DTOs (implementation: ejb-license). */
package org.splitcast.account;
