package dev.switchboard.monitor;

import dev.switchboard.call.CallRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the window needs from the running monitor, as small ports: the app wires the real ones, a test
 * fakes only the ports it uses.
 *
 * @param history     the call history, when this monitor keeps one
 * @param profiles    saved profiles and routing rules, when this monitor keeps them
 * @param team        who watches and who drives each call, on a desk attached to a team hub
 * @param experiments prompt experiments and per-version stats, when this monitor keeps a history
 */
public record Backend(CallRegistry calls, CallActions actions, ListenerStatus status, DemoCalls demo,
                      AutoAnswer autoAnswer, ConnectionControl connection, Optional<HistoryService> history,
                      Optional<ProfileService> profiles, Optional<TeamSeats> team,
                      Optional<ExperimentService> experiments) {

    /** A single desk's backend without experiments (tests, monitors that keep no history). */
    public Backend(CallRegistry calls, CallActions actions, ListenerStatus status, DemoCalls demo,
                   AutoAnswer autoAnswer, ConnectionControl connection, Optional<HistoryService> history,
                   Optional<ProfileService> profiles) {
        this(calls, actions, status, demo, autoAnswer, connection, history, profiles, Optional.empty(),
                Optional.empty());
    }

    public Backend {
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(autoAnswer, "autoAnswer");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(experiments, "experiments");
    }
}
