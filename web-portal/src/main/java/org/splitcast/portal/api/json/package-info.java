/**
 * The one strict JSON reading of every request body of the REST API ({@link
 * org.splitcast.portal.api.json.StrictJsonReader}): bounded size, a single JSON value, and each
 * value of the JSON type its field is declared with, before JSON-B binds it.
 */
package org.splitcast.portal.api.json;
