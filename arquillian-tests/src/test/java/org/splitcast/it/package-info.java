/**
 * Integration tests over real HTTP against the EAR in a WildFly that the build provisions: the
 * REST API's CRUD, security and error contract, keys at rest, health and the OpenAPI document.
 */
package org.splitcast.it;
