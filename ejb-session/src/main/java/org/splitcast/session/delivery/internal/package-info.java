/**
 * On-demand delivery (seed 000, claims 1 and 4; flow D): the public main stream, and the sealed
 * complementary chunks for a terminal whose license for the content is valid now, sent as stored
 * (the server needs no key to serve them, and no complementary byte ever leaves it in clear).
 */
package org.splitcast.session.delivery.internal;
