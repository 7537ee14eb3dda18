/**
 * Demo media for the embedded default: a short H.264 + AAC test clip (a generated test pattern and
 * tone, shipped in this jar) ingested for every demo content that has no media yet, so that a new
 * user can play one right after the first start.
 */
package org.splitcast.session.demo;
