package dev.switchboard.store;

import dev.switchboard.history.StoredCall;
import dev.switchboard.history.StateChange;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.HistoryJson;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TokenUsage;
import dev.switchboard.call.TranscriptEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one stored call back whole: its row, state changes, transcript, timeline, usage and events. */
final class CallReader {

    private CallReader() {
    }

    static Optional<StoredCall> load(Connection c, String callId) throws SQLException {
        String headers;
        Instant created;
        CallState state;
        String reason;
        String lastAction;
        String settings;
        ProfileRef profile;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM calls WHERE id = ?")) {
            ps.setString(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                headers = rs.getString("sip_headers");
                created = Sql.instant(rs.getLong("started_ns"));
                state = CallState.valueOf(rs.getString("state"));
                reason = rs.getString("reason");
                lastAction = rs.getString("last_action");
                settings = rs.getString("settings_json");
                profile = profileRef(rs);
            }
        }
        Map<Milestone, Instant> timeline = new EnumMap<>(Milestone.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT milestone, at_ns FROM milestones WHERE call_id = ?")) {
            ps.setString(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    timeline.put(Milestone.valueOf(rs.getString(1)), Sql.instant(rs.getLong(2)));
                }
            }
        }
        timeline.putIfAbsent(Milestone.WEBHOOK_RECEIVED, created);
        List<StateChange> states = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, reason, at_ns FROM state_changes WHERE call_id = ? ORDER BY seq")) {
            ps.setString(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.add(new StateChange(CallState.valueOf(rs.getString(1)), rs.getString(2),
                            Sql.instant(rs.getLong(3))));
                }
            }
        }
        List<TranscriptEntry> transcript = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item_key, kind, speaker, text, status, at_ns"
                + " FROM utterances WHERE call_id = ? ORDER BY seq, id")) {
            ps.setString(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String speaker = rs.getString(3);
                    transcript.add(new TranscriptEntry(rs.getString(1), TranscriptEntry.Kind.valueOf(rs.getString(2)),
                            speaker == null ? null : Speaker.valueOf(speaker), rs.getString(4),
                            TranscriptEntry.Status.valueOf(rs.getString(5)), Sql.instant(rs.getLong(6))));
                }
            }
        }
        List<RawEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT at_ns, direction, type, json FROM events WHERE call_id = ? ORDER BY seq")) {
            ps.setString(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new RawEvent(Sql.instant(rs.getLong(1)), RawEvent.Direction.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4)));
                }
            }
        }
        List<TokenUsage> usage = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT response_id, input_tokens, output_tokens, total_tokens"
                + " FROM usage WHERE call_id = ? ORDER BY seq")) {
            ps.setString(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    usage.add(new TokenUsage(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return Optional.of(new StoredCall(callId, HistoryJson.headersFromJson(headers), created, state, reason,
                lastAction, HistoryJson.settingsFromJson(settings), profile, timeline, transcript, states, events,
                usage));
    }

    static ProfileRef profileRef(ResultSet rs) throws SQLException {
        String name = rs.getString("profile_name");
        int version = rs.getInt("profile_version");
        return name == null || rs.wasNull() || version < 1 ? null : new ProfileRef(name, version);
    }
}
