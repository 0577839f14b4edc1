package dev.switchboard.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.history.ProfileVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExperimentTest {

    private static ProfileVersion v(String name) {
        return new ProfileVersion(name, 1, Instant.EPOCH, AcceptSettings.defaults());
    }

    private static List<Integer> draw(Experiment e, int n) {
        return IntStream.range(0, n).map(i -> e.nextArm()).boxed().toList();
    }

    @Test
    void twoEqualArmsAlternateStartingWithTheFirst() {
        Experiment e = Experiment.alternating(1, "ab", List.of(v("A"), v("B")));
        assertTrue(e.alternates());
        assertEquals(List.of(0, 1, 0, 1, 0, 1), draw(e, 6));
    }

    @Test
    void threeEqualArmsRotate() {
        Experiment e = new Experiment(1, "abc", List.of(v("A"), v("B"), v("C")), List.of(2.0, 2.0, 2.0), 5);
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0), draw(e, 7));
    }

    @Test
    void weightsWithASeedAreReproducibleAndProportional() {
        List<ProfileVersion> arms = List.of(v("A"), v("B"));
        List<Integer> first = draw(new Experiment(1, "w", arms, List.of(3.0, 1.0), 42), 4000);
        List<Integer> again = draw(new Experiment(1, "w", arms, List.of(3.0, 1.0), 42), 4000);
        assertEquals(first, again);
        long a = first.stream().filter(i -> i == 0).count();
        assertTrue(a > 2800 && a < 3200, "about 3 in 4 to A, was " + a);
        List<Integer> otherSeed = draw(new Experiment(1, "w", arms, List.of(3.0, 1.0), 43), 4000);
        assertTrue(!first.equals(otherSeed));
    }

    @Test
    void badArmsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Experiment.alternating(1, "x", List.of(v("A"))));
        assertThrows(IllegalArgumentException.class,
                () -> new Experiment(1, "x", List.of(v("A"), v("B")), List.of(1.0, 0.0), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Experiment(1, "x", List.of(v("A"), v("B")), List.of(1.0), 1));
    }

    @Test
    void concurrentCallersStillAlternate() throws Exception {
        Experiment e = Experiment.alternating(1, "ab", List.of(v("A"), v("B")));
        List<Integer> all = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    all.add(e.nextArm());
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(500, all.stream().filter(i -> i == 0).count());
    }
}
