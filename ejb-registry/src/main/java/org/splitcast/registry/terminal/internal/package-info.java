/**
 * Terminals (the addressee's equipment): registered for a subscriber with their key KT — a
 * symmetric AES-256 key generated here and handed out exactly once, at registration, for
 * provisioning the device; or the device's own RSA / EC P-256 / X25519 public key — and revoked
 * or removed by the operator, an integrator or the subscriber.
 */
package org.splitcast.registry.terminal.internal;
