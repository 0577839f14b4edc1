package dev.switchboard.monitor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Simulated calls in demo mode. */
public interface DemoCalls {

    /** Labels of the simulator's scenarios (empty when not in demo mode). */
    List<String> demoScenarios();

    /** Rings a simulated call through the real webhook path; completes with the call id once it is listed. */
    CompletableFuture<String> ringDemoCall(int scenarioIndex);

    /** No demo calls: not in demo mode. */
    DemoCalls NONE = new DemoCalls() {
        @Override
        public List<String> demoScenarios() {
            return List.of();
        }

        @Override
        public CompletableFuture<String> ringDemoCall(int scenarioIndex) {
            return CompletableFuture.failedFuture(new IllegalStateException("Demo calls need demo mode (no API key)."));
        }
    };
}
