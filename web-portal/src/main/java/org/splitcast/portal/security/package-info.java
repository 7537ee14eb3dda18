/**
 * Authentication and caller identity (Jakarta Security): an HTTP Basic mechanism that answers
 * failures with problem details, an identity store over the application's accounts (Argon2id
 * hashes), and the current caller with the ownership checks ("a subscriber sees only their own
 * data").
 */
package org.splitcast.portal.security;
