package dev.switchboard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void registeredValuesGoWhateverTheirShape() {
        String secret = "plain-secret-" + UUID.randomUUID();
        Redactor.register(secret);
        assertEquals("secret=[redacted], again [redacted].", Redactor.redact("secret=" + secret + ", again " + secret + "."));
    }

    @Test
    void registeredValuesAreMatchedTrimmedToo() {
        String secret = "padded-" + UUID.randomUUID();
        Redactor.register("  " + secret + "\n");
        assertEquals("x [redacted] y", Redactor.redact("x " + secret + " y"));
    }

    @Test
    void aSecretContainingAnotherRegisteredOneGoesWhole() {
        String inner = "inner-" + UUID.randomUUID();
        String outer = "outer-" + inner + "-tail";
        Redactor.register(inner);
        Redactor.register(outer);
        assertEquals("[redacted]", Redactor.redact(outer));
    }

    @Test
    void shortOrMissingValuesAreNotRegistered() {
        Redactor.register(null);
        Redactor.register("");
        Redactor.register("abc");
        assertEquals("abc def", Redactor.redact("abc def"));
    }

    @Test
    void keyShapedWordsGoWithoutRegistration() {
        assertEquals("key [redacted] used", Redactor.redact("key sk-proj-Ab3_dE-9fGhIjKlMnOpQrStUvWxYz used"));
        assertEquals("key [redacted]", Redactor.redact("key sk-abcdefgh12345678"));
        assertEquals("secret [redacted].", Redactor.redact("secret whsec_c2VjcmV0LXZhbHVlLWZvci10ZXN0cw==."));
        assertEquals("Authorization: Bearer [redacted]", Redactor.redact("Authorization: Bearer ey.J0b2tlbi12345"));
        assertEquals("authorization: bearer [redacted]", Redactor.redact("authorization: bearer abcdef123456"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        String line = "webhook listener on http://127.0.0.1:8000/webhook; call rtc_3f2a accepted (task-1, ask-me)";
        assertEquals(line, Redactor.redact(line));
        assertEquals("", Redactor.redact(""));
        assertEquals(null, Redactor.redact(null));
        assertFalse(Redactor.redact("desk-lamp").contains(Redactor.REDACTED));
    }
}
