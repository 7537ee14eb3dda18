/**
 * The API of on-demand delivery (seed 000, claims 1 and 4, flow D): the public main stream, and the
 * sealed complementary chunks for a terminal that holds a valid license. {@link
 * org.splitcast.session.delivery.MediaDelivery} and its DTOs (implementation: ejb-session).
 */
package org.splitcast.session.delivery;
