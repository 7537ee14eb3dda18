/** The API of terminals and their keys KT: {@link org.splitcast.registry.terminal.TerminalService} and its DTOs (implementation: ejb-license). */
package org.splitcast.registry.terminal;
