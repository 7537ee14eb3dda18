/**
 * The public download of main streams ({@code /media/{contentId}/main.ts}, seed 000 claim 1: the
 * modified main stream travels by ordinary, separate paths): no credentials, byte ranges,
 * validators and cache headers, so that any CDN or proxy can carry it.
 */
package org.splitcast.portal.media;
