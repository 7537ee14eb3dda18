/** The API of terminals and their keys KT: {@link org.splitcast.registry.terminal.TerminalService} and its DTOs (implementation: ejb-registry; other modules read the registry through the *Directory interfaces). */
package org.splitcast.registry.terminal;
