package dev.switchboard.store;

import dev.switchboard.history.StoredCall;
import dev.switchboard.history.StateChange;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.HistoryJson;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SipAddress;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.TokenUsage;
import dev.switchboard.call.TranscriptEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * The write statements, prepared once on one connection. Used by one thread at a time (the recorder's writer
 * thread, or a caller holding the store's import lock); the caller owns the transaction.
 */
final class HistoryWriter implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insertCall;
    private final PreparedStatement updateCall;
    private final PreparedStatement updateSettings;
    private final PreparedStatement updateProfile;
    private final PreparedStatement insertState;
    private final PreparedStatement upsertEntry;
    private final PreparedStatement insertEvent;
    private final PreparedStatement upsertMilestone;
    private final PreparedStatement insertUsage;
    private PreparedStatement insertFirstState;

    HistoryWriter(Connection connection) throws SQLException {
        this.connection = connection;
        insertCall = connection.prepareStatement("INSERT OR IGNORE INTO calls (id, caller_name, caller_number,"
                + " callee_number, sip_headers, started_ns, state, reason, profile_name, profile_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updateCall = connection.prepareStatement(
                "UPDATE calls SET state = ?, reason = ?, ended_ns = ?, last_action = ? WHERE id = ?");
        updateSettings = connection.prepareStatement("UPDATE calls SET settings_json = ? WHERE id = ?");
        updateProfile = connection.prepareStatement(
                "UPDATE calls SET profile_name = ?, profile_version = ? WHERE id = ?");
        insertState = connection.prepareStatement(
                "INSERT OR REPLACE INTO state_changes (call_id, seq, state, reason, at_ns) VALUES (?, ?, ?, ?, ?)");
        // the id orders lines by time (see Schema.timeOrderedId), so search reads newest first straight off the index
        upsertEntry = connection.prepareStatement("INSERT INTO utterances (id, call_id, item_key, seq, kind, speaker,"
                + " text, status, at_ns) VALUES ((SELECT COALESCE(MAX(id) + 1, ?9) FROM utterances WHERE id >= ?9"
                + " AND id < ?9 + " + Schema.IDS_PER_MILLISECOND + "), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                + " ON CONFLICT (call_id, item_key) DO UPDATE SET"
                + " seq = excluded.seq, speaker = excluded.speaker, text = excluded.text, status = excluded.status");
        insertEvent = connection.prepareStatement("INSERT OR REPLACE INTO events (call_id, seq, at_ns, direction, type,"
                + " json) VALUES (?, ?, ?, ?, ?, ?)");
        upsertMilestone = connection.prepareStatement(
                "INSERT OR REPLACE INTO milestones (call_id, milestone, at_ns) VALUES (?, ?, ?)");
        insertUsage = connection.prepareStatement("INSERT OR REPLACE INTO usage (call_id, seq, response_id,"
                + " input_tokens, output_tokens, total_tokens) VALUES (?, ?, ?, ?, ?, ?)");
    }

    Connection connection() {
        return connection;
    }

    void insertCall(String id, List<SipHeader> headers, Instant createdAt, CallState state, String reason,
                    ProfileRef profile) throws SQLException {
        SipAddress caller = SipAddress.parse(header(headers, "From"));
        SipAddress callee = SipAddress.parse(header(headers, "To"));
        insertCall.setString(1, id);
        insertCall.setString(2, caller.displayName());
        insertCall.setString(3, caller.number());
        insertCall.setString(4, callee.number());
        insertCall.setString(5, HistoryJson.headersJson(headers));
        insertCall.setLong(6, Sql.nanos(createdAt));
        insertCall.setString(7, state.name());
        insertCall.setString(8, reason == null ? "" : reason);
        if (profile == null) {
            insertCall.setNull(9, Types.VARCHAR);
            insertCall.setNull(10, Types.INTEGER);
        } else {
            insertCall.setString(9, profile.name());
            insertCall.setInt(10, profile.version());
        }
        insertCall.executeUpdate();
    }

    void updateCall(String id, CallState state, String reason, Instant endedAt, String lastAction) throws SQLException {
        updateCall.setString(1, state.name());
        updateCall.setString(2, reason == null ? "" : reason);
        Sql.setNullableInstant(updateCall, 3, endedAt);
        updateCall.setString(4, lastAction == null ? "" : lastAction);
        updateCall.setString(5, id);
        updateCall.executeUpdate();
    }

    void updateSettings(String id, AcceptSettings settings) throws SQLException {
        updateSettings.setString(1, HistoryJson.settingsJson(settings));
        updateSettings.setString(2, id);
        updateSettings.executeUpdate();
    }

    void updateProfile(String id, ProfileRef profile) throws SQLException {
        updateProfile.setString(1, profile == null ? null : profile.name());
        Sql.setNullableLong(updateProfile, 2, profile == null ? null : (long) profile.version());
        updateProfile.setString(3, id);
        updateProfile.executeUpdate();
    }

    void insertState(String id, int seq, StateChange change) throws SQLException {
        insertState.setString(1, id);
        insertState.setInt(2, seq);
        insertState.setString(3, change.state().name());
        insertState.setString(4, change.reason());
        insertState.setLong(5, Sql.nanos(change.at()));
        insertState.executeUpdate();
    }

    /** State 0 unless the call already has one (a redelivered webhook must not rewrite a call's history). */
    void insertFirstStateIfAbsent(String id, StateChange change) throws SQLException {
        if (insertFirstState == null) {
            insertFirstState = connection.prepareStatement("INSERT OR IGNORE INTO state_changes (call_id, seq, state,"
                    + " reason, at_ns) VALUES (?, 0, ?, ?, ?)");
        }
        insertFirstState.setString(1, id);
        insertFirstState.setString(2, change.state().name());
        insertFirstState.setString(3, change.reason());
        insertFirstState.setLong(4, Sql.nanos(change.at()));
        insertFirstState.executeUpdate();
    }

    void upsertEntry(String id, int seq, TranscriptEntry e) throws SQLException {
        upsertEntry.setString(1, id);
        upsertEntry.setString(2, e.key());
        upsertEntry.setInt(3, seq);
        upsertEntry.setString(4, e.kind().name());
        upsertEntry.setString(5, e.speaker() == null ? null : e.speaker().name());
        upsertEntry.setString(6, e.text());
        upsertEntry.setString(7, e.status().name());
        upsertEntry.setLong(8, Sql.nanos(e.at()));
        upsertEntry.setLong(9, Schema.timeOrderedId(e.at()));
        upsertEntry.executeUpdate();
    }

    void insertEvent(String id, int seq, RawEvent e) throws SQLException {
        insertEvent.setString(1, id);
        insertEvent.setInt(2, seq);
        insertEvent.setLong(3, Sql.nanos(e.at()));
        insertEvent.setString(4, e.direction().name());
        insertEvent.setString(5, e.type() == null ? "" : e.type());
        insertEvent.setString(6, e.json() == null ? "" : e.json());
        insertEvent.executeUpdate();
    }

    void upsertMilestone(String id, Milestone m, Instant at) throws SQLException {
        upsertMilestone.setString(1, id);
        upsertMilestone.setString(2, m.name());
        upsertMilestone.setLong(3, Sql.nanos(at));
        upsertMilestone.executeUpdate();
    }

    void insertUsage(String id, int seq, TokenUsage u) throws SQLException {
        insertUsage.setString(1, id);
        insertUsage.setInt(2, seq);
        insertUsage.setString(3, u.responseId());
        insertUsage.setLong(4, u.inputTokens());
        insertUsage.setLong(5, u.outputTokens());
        insertUsage.setLong(6, u.totalTokens());
        insertUsage.executeUpdate();
    }

    /** Writes a whole call, replacing any call with its id. */
    void saveCall(StoredCall c) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM calls WHERE id = ?")) {
            delete.setString(1, c.id());
            delete.executeUpdate();
        }
        insertCall(c.id(), c.sipHeaders(), c.createdAt(), c.state(), c.stateReason(), c.profile());
        updateCall(c.id(), c.state(), c.stateReason(), c.endedAt().orElse(null), c.lastActionResult());
        if (c.settings() != null) {
            updateSettings(c.id(), c.settings());
        }
        int seq = 0;
        for (StateChange s : c.stateChanges()) {
            insertState(c.id(), seq++, s);
        }
        seq = 0;
        for (TranscriptEntry e : c.transcript()) {
            upsertEntry(c.id(), seq++, e);
        }
        seq = 0;
        for (RawEvent e : c.events()) {
            insertEvent(c.id(), seq++, e);
        }
        for (var m : c.timeline().entrySet()) {
            upsertMilestone(c.id(), m.getKey(), m.getValue());
        }
        seq = 0;
        for (TokenUsage u : c.usage()) {
            insertUsage(c.id(), seq++, u);
        }
    }

    private static String header(List<SipHeader> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(SipHeader::value).findFirst()
                .orElse(null);
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(insertCall, updateCall, updateSettings, updateProfile, insertState,
                upsertEntry, insertEvent, upsertMilestone, insertUsage)) {
            ps.close();
        }
    }
}
