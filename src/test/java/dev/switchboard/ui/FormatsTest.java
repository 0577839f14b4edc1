package dev.switchboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void secondsReadAsTheFormatStringDidUpToAMinute() {
        for (long millis = -2_000; millis <= 60_000; millis++) {
            double s = millis / 1000.0;
            String expected = s >= 10 ? Math.round(s) + " s" : String.format(Locale.ROOT, "%.1f s", s);
            assertEquals(expected, Formats.seconds(Duration.ofMillis(millis)), millis + " ms");
        }
    }

    @Test
    void dollarsHaveFourDecimalsRoundedAsTheFormatStringDid() {
        for (int micros = 0; micros <= 200_000; micros++) {
            double usd = micros / 1e6;
            assertEquals(String.format(Locale.ROOT, "$%.4f", usd), Formats.usd(OptionalDouble.of(usd)), micros + " µ$");
        }
        assertEquals("$12.3457", Formats.usd(OptionalDouble.of(12.34565)));
        assertEquals("—", Formats.usd(OptionalDouble.empty()));
    }
}
