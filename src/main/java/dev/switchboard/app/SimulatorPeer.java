package dev.switchboard.app;

import dev.switchboard.monitor.DemoPeer;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** The embedded simulator as the monitor's demo peer. */
final class SimulatorPeer implements DemoPeer {

    private final Simulator simulator;

    SimulatorPeer(double speed) {
        this.simulator = new Simulator(SimOptions.demo().withSpeed(speed));
    }

    Simulator simulator() {
        return simulator;
    }

    @Override
    public void start() throws IOException {
        simulator.start();
    }

    @Override
    public String apiKey() {
        return simulator.apiKey();
    }

    @Override
    public String baseUrl() {
        return simulator.baseUrl();
    }

    @Override
    public String webhookSecret() {
        return simulator.webhookSecret();
    }

    @Override
    public void setWebhookTarget(URI listenerUrl) {
        simulator.setWebhookTarget(listenerUrl);
    }

    @Override
    public List<String> scenarioLabels() {
        return Arrays.stream(Scenario.values()).map(Scenario::label).toList();
    }

    @Override
    public String ring(int index) {
        return simulator.ring(Scenario.values()[index]);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
