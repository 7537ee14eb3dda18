/**
 * SOAP (JAX-WS) endpoints for integrators: {@code /ws/LicenseService} issues licenses like {@code
 * POST /api/licenses} (steps 130-150) and takes the event lists of step 112 like {@code POST
 * /api/events}, with SOAP faults carrying the same error codes as the REST problem details.
 */
@XmlSchema(namespace = LicenseService.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package org.splitcast.portal.ws;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
