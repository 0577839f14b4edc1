package dev.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionChangeTest {

    private final AcceptSettings running = AcceptSettings.defaults();

    @Test
    void onlyChangedFieldsAreKept() {
        SessionChange same = SessionChange.between(running, running.instructions(), running.voice(), false);
        assertTrue(same.isEmpty());
        SessionChange instructions = SessionChange.between(running, "Be brief.", running.voice(), true);
        assertEquals(Optional.of("Be brief."), instructions.instructions());
        assertEquals(Optional.empty(), instructions.voice(), "an unchanged voice is not sent, even when locked");
        assertEquals("Be brief.", instructions.applyTo(running).instructions());
    }

    @Test
    void theVoiceCannotChangeOnceTheAgentHasSpoken() {
        String other = running.voice().equals("cedar") ? "marin" : "cedar";
        assertEquals(Optional.of(other), SessionChange.between(running, null, other, false).voice());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SessionChange.between(running, null, other, true));
        assertTrue(e.getMessage().contains("first audio response"));
    }
}
