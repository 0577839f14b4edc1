package dev.switchboard.store;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.history.CallMetrics;
import dev.switchboard.util.Threads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each call's {@link CallMetrics} in {@code call_metrics}: written when the call ends (after the recorder has
 * committed the call's row) and again when a late {@code response.done} or health change comes after the end.
 */
public final class MetricsRecorder {

    private static final Logger log = LoggerFactory.getLogger(MetricsRecorder.class);

    private final HistoryStore store;
    private final CallRecorder recorder;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Threads.daemon("switchboard-metrics"));

    public MetricsRecorder(HistoryStore store, CallRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    public MetricsRecorder attach(CallRegistry registry) {
        registry.onAdded(call -> call.addListener(this::changed));
        return this;
    }

    private void changed(Call call, CallChange change) {
        boolean ended = call.state().isTerminal();
        if (ended && (change == CallChange.STATE || change == CallChange.TURNS || change == CallChange.HEALTH
                || change == CallChange.ALERTS)) {
            CallMetrics metrics = CallMetrics.of(call);
            // after the recorder's commit (the call's row exists), on a thread of its own: on the recorder's writer
            // thread a busy database would hold up every flush, and with them the headless printer's lines
            recorder.flushAsync().thenRunAsync(() -> write(call.id(), metrics), writer)
                    .exceptionally(e -> {
                        log.warn("metrics of {} not stored: {}", call.id(), e.toString());
                        return null;
                    });
        }
    }

    /** Replaces the stored metrics of a call (its row in {@code calls} must exist). */
    public static void write(HistoryStore store, String callId, CallMetrics m) {
        store.withShared(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO call_metrics (call_id, turns,"
                    + " greeting_ms, turn_p50_ms, turn_p95_ms, turn_max_ms, interruptions, responses, cost_usd, alerts,"
                    + " warnings, close_code, close_reason, webhook_lag_ms, per_turn_json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, callId);
                ps.setInt(2, m.turns());
                setLong(ps, 3, m.greetingMs());
                setLong(ps, 4, m.p50Ms());
                setLong(ps, 5, m.p95Ms());
                setLong(ps, 6, m.maxMs());
                ps.setInt(7, m.interruptions());
                ps.setInt(8, m.responses());
                if (m.costUsd() == null) {
                    ps.setNull(9, Types.REAL);
                } else {
                    ps.setDouble(9, m.costUsd());
                }
                ps.setInt(10, m.alerts());
                ps.setInt(11, m.warnings());
                setLong(ps, 12, m.closeCode() == null ? null : m.closeCode().longValue());
                ps.setString(13, m.closeReason());
                setLong(ps, 14, m.webhookLagMs());
                ps.setString(15, CallMetrics.turnsJson(m.turnList()).toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public static Optional<CallMetrics> load(HistoryStore store, String callId) {
        return store.withShared(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT turns, greeting_ms, turn_p50_ms, turn_p95_ms,"
                    + " turn_max_ms, interruptions, responses, cost_usd, alerts, warnings, close_code, close_reason,"
                    + " webhook_lag_ms, per_turn_json FROM call_metrics WHERE call_id = ?")) {
                ps.setString(1, callId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Long close = getLong(rs, 11);
                    return Optional.of(new CallMetrics(rs.getInt(1), getLong(rs, 2), getLong(rs, 3), getLong(rs, 4),
                            getLong(rs, 5), rs.getInt(6), rs.getInt(7), getDouble(rs, 8), rs.getInt(9), rs.getInt(10),
                            close == null ? null : close.intValue(), rs.getString(12), getLong(rs, 13),
                            CallMetrics.readTurns(rs.getString(14))));
                }
            }
        });
    }

    private void write(String callId, CallMetrics metrics) {
        try {
            write(store, callId, metrics);
        } catch (StoreException e) {
            log.warn("metrics of {} not stored: {}", callId, e.getMessage());
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }

    private static Double getDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? null : v;
    }

    public void close() {
        writer.shutdown();
    }
}
