/** Where the data lives: the JNDI name of the application's datasource (schema and migrations: ejb-license). */
package org.splitcast.persistence;
