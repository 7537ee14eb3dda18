/**
 * The precomputed access store's interface (seed 003, database 69, steps 120-126): access blocks
 * computed before they are asked for, so that a license at peak costs a lookup and a MAC.
 */
package org.splitcast.license.precompute;
