package dev.switchboard.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void constantArmsGiveAPointInterval() {
        Interval i = Bootstrap.differenceOfMeans(new double[] {1, 1, 1, 1}, new double[] {3, 3, 3}).orElseThrow();
        assertEquals(2.0, i.difference(), 1e-12);
        assertEquals(2.0, i.low(), 1e-12);
        assertEquals(2.0, i.high(), 1e-12);
        assertEquals(7, i.n());
    }

    @Test
    void knownDataSeededIsReproducibleAndCoversTheTrueDifference() {
        // A: latency ~1.2 s, B: ~0.8 s, a clear difference
        double[] a = {1.1, 1.3, 1.2, 1.25, 1.15, 1.2, 1.3, 1.1};
        double[] b = {0.8, 0.75, 0.85, 0.8, 0.9, 0.7, 0.8, 0.85};
        Interval first = Bootstrap.differenceOfMeans(a, b).orElseThrow();
        Interval again = Bootstrap.differenceOfMeans(a, b).orElseThrow();
        assertEquals(first, again, "same seed, same interval");
        assertEquals(-0.39375, first.difference(), 1e-9);
        assertTrue(first.low() < -0.39 && first.high() > -0.39 && first.high() < 0, first.toString());
        assertTrue(first.excludesZero());
        assertTrue(Verdict.latency("A", "B", Optional.of(first)).startsWith("B is faster by 0.4 s, 95 % CI "));
    }

    @Test
    void overlappingArmsAreNotDistinguishable() {
        double[] a = {3, 4, 5, 4, 3};
        double[] b = {4, 3, 5, 4};
        Interval i = Bootstrap.differenceOfMeans(a, b).orElseThrow();
        assertFalse(i.excludesZero(), i.toString());
        assertEquals("scores not distinguishable yet, n=9", Verdict.scores("A", "B", Optional.of(i)));
        assertEquals("latency: not enough calls yet; scores not distinguishable yet, n=9",
                Verdict.sentence("A", "B", Bootstrap.differenceOfMeans(new double[] {1}, b), Optional.of(i)));
    }

    @Test
    void exactVerdictWording() {
        Interval faster = new Interval(-0.4, -0.7, -0.1, 9);
        assertEquals("B is faster by 0.4 s, 95 % CI 0.1–0.7", Verdict.latency("A", "B", Optional.of(faster)));
        Interval slower = new Interval(0.4, 0.1, 0.7, 9);
        assertEquals("A is faster by 0.4 s, 95 % CI 0.1–0.7", Verdict.latency("A", "B", Optional.of(slower)));
        assertEquals("B scores higher by 0.4, 95 % CI 0.1–0.7", Verdict.scores("A", "B", Optional.of(slower)));
        assertEquals("A is faster by 20 ms, 95 % CI 10–30 ms",
                Verdict.latency("A", "B", Optional.of(new Interval(0.02, 0.01, 0.03, 6))));
    }

    @Test
    void summariesSkipUnknownValues() {
        assertEquals(2.0, Summary.mean(new double[] {1, -1, 3}).getAsDouble(), 1e-12);
        assertEquals(3.0, Summary.median(new double[] {5, 3, -1, 1}).getAsDouble(), 1e-12);
        assertTrue(Summary.mean(new double[] {-1}).isEmpty());
    }
}
