package org.splitcast.portal.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.InvalidRequestException;

/** The field and rule a validation problem's errors[] shows for a service's refusal. */
class InvalidRequestFieldTest {

    @Test
    void aNamedFieldGivesFieldAndRule() {
        InvalidRequestException e = InvalidRequestException.field("nonce", "must be base64url");
        assertEquals("nonce must be base64url", e.getMessage());
        assertEquals("nonce", e.field());
        assertEquals("must be base64url", e.rule());
        assertEquals(ErrorCode.VALIDATION, e.code());
    }

    @Test
    void aMessageStartingWithFieldColonNamesTheField() {
        InvalidRequestException e = new InvalidRequestException("terminalId: name the terminal that will play it");
        assertEquals("terminalId", e.field());
        assertEquals("name the terminal that will play it", e.rule());
    }

    @Test
    void anyOtherMessageIsAboutTheWholeRequest() {
        InvalidRequestException e = new InvalidRequestException("give exactly one of contentId and packageId");
        assertEquals(InvalidRequestException.WHOLE_REQUEST, e.field());
        assertEquals("give exactly one of contentId and packageId", e.rule());
    }
}
