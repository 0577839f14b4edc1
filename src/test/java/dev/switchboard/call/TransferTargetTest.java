package dev.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.openai.CallsClient;
import dev.switchboard.ui.steering.SteeringViewModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for transfer targets: the steering panel enables Transfer exactly when the REST client would send it. */
class TransferTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"tel:+14155550123", "tel:+14155550123;ext=12", "tel:4155550123", "tel:+1-415-555-0123",
            "tel:+1(415)555.0123", "sip:agent@example.com", "sip:desk@pbx.example.com", "sips:agent@example.com",
            "sips:+14155550123@sip.example.com;transport=tls", "SIP:Agent@Example.com", "sip:agent@10.0.0.5:5061",
            "  tel:+14155550123  "})
    void validTargetsPassInTheWindowAndTheClient(String text) {
        assertTrue(TransferTarget.parse(text).isPresent(), text);
        assertEquals(text.trim(), TransferTarget.parse(text).get().uri());
        assertEquals("", SteeringViewModel.transferProblem(text), "window: " + text);
        assertNull(CallsClient.transferTargetProblem(text), "client: " + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:nobody", "sip:pbx.example.com", "tel:+1 415 555 0123", "tel:", "tel:+1", "sip:",
            "sip:@example.com", "mailto:x@y", "4155550123", "+1 415 555 0123", "https://example.com", "", "   ",
            "tel:+14155550123;", "sip:agent@", "sip:a b@example.com"})
    void invalidTargetsAreRefusedByBothWithAReason(String text) {
        assertFalse(TransferTarget.parse(text).isPresent(), text);
        String problem = TransferTarget.problem(text);
        assertFalse(problem.isEmpty(), text);
        assertEquals(problem, SteeringViewModel.transferProblem(text), "window: " + text);
        assertNotNull(CallsClient.transferTargetProblem(text), "client: " + text);
        assertEquals(problem, CallsClient.transferTargetProblem(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel:+1 415 555 0123"})
    void spacesInATelNumberSayHowToFixIt(String text) {
        assertEquals("Remove the spaces: tel:+14155550123", TransferTarget.problem(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:nobody", "sip:pbx.example.com"})
    void aSipAddressWithoutAUserSaysSo(String text) {
        assertEquals("'" + text + "' needs a user and a host, e.g. sip:agent@example.com.", TransferTarget.problem(text));
    }
}
