/**
 * Small value types shared by every module of the server: identifiers, pages of results, timestamps,
 * and the JNDI name of the application's datasource.
 */
package org.splitcast.common;
