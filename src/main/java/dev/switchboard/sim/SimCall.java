package dev.switchboard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The simulator's own view of one call: what the client did to it. Thread-safe; getters return snapshots. */
public final class SimCall {

    public enum State { RINGING, ACTIVE, REJECTED, ENDED, MISSED }

    private final String id;
    private final Scenario scenario;
    private State state = State.RINGING;
    private String acceptBody;
    private Integer rejectStatus;
    private String referTarget;
    private final List<String> clientMessages = new ArrayList<>();
    private int socketConnections;

    SimCall(String id, Scenario scenario) {
        this.id = id;
        this.scenario = scenario;
    }

    public String id() {
        return id;
    }

    public Scenario scenario() {
        return scenario;
    }

    public synchronized State state() {
        return state;
    }

    /** The raw JSON body of the successful accept. */
    public synchronized Optional<String> acceptBody() {
        return Optional.ofNullable(acceptBody);
    }

    /** The SIP status the call was rejected with (603 when the body named none). */
    public synchronized OptionalInt rejectStatus() {
        return rejectStatus == null ? OptionalInt.empty() : OptionalInt.of(rejectStatus);
    }

    /** The {@code target_uri} of the successful refer. */
    public synchronized Optional<String> referTarget() {
        return Optional.ofNullable(referTarget);
    }

    /** Every text frame the client sent on the sideband socket, verbatim, in order. */
    public synchronized List<String> clientMessages() {
        return List.copyOf(clientMessages);
    }

    /** How many sideband sockets were opened for this call. */
    public synchronized int socketConnections() {
        return socketConnections;
    }

    public synchronized boolean isOver() {
        return state == State.REJECTED || state == State.ENDED || state == State.MISSED;
    }

    synchronized void setState(State value) {
        state = value;
    }

    synchronized void accepted(String body) {
        state = State.ACTIVE;
        acceptBody = body;
    }

    synchronized void rejected(int status) {
        state = State.REJECTED;
        rejectStatus = status;
    }

    synchronized void referred(String target) {
        referTarget = target;
    }

    synchronized void clientSent(String message) {
        clientMessages.add(message);
    }

    synchronized void socketOpened() {
        socketConnections++;
    }

    @Override
    public synchronized String toString() {
        return "SimCall[" + id + " " + scenario + " " + state + "]";
    }
}
