/** Small value types shared by every feature of the server: identifiers and pages of results. */
package org.splitcast.common;
