package dev.switchboard.store;

import dev.switchboard.call.Call;
import dev.switchboard.history.CallMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * Keeps each call's {@link CallMetrics} in {@code call_metrics}, through the {@link CallRecorder}: when it writes an
 * ended call, the metrics row goes in the same transaction.
 */
public final class MetricsRecorder {

    private MetricsRecorder() {
    }

    /**
     * Writes an ended call's metrics in the recorder's own transaction (no second writer on the database, and a
     * rolled-back batch takes them with it), and again on every later write of that call (a late
     * {@code response.done}, the socket's close): ended calls are written rarely, so no change tracking.
     */
    public static void attach(CallRecorder recorder) {
        recorder.addRowWriter(MetricsRecorder::writeIfEnded);
    }

    private static void writeIfEnded(Connection connection, Call call) throws SQLException {
        if (call.state().isTerminal()) {
            write(connection, call.id(), CallMetrics.of(call));
        }
    }

    /** Replaces the stored metrics of a call (its row in {@code calls} must exist). */
    public static void write(HistoryStore store, String callId, CallMetrics m) {
        store.withShared(c -> {
            write(c, callId, m);
            return null;
        });
    }

    static void write(Connection c, String callId, CallMetrics m) throws SQLException {
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
}
