package dev.switchboard.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.history.ExperimentArm;
import dev.switchboard.history.ExperimentCall;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.history.HistoryJson;
import dev.switchboard.history.ProfileRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prompt experiments and the arm each of their calls got. */
public final class ExperimentStore {

    private final HistoryStore store;

    ExperimentStore(HistoryStore store) {
        this.store = store;
    }

    public ExperimentInfo create(String name, List<ExperimentArm> arms, long seed, Instant started) {
        ArrayNode json = HistoryJson.MAPPER.createArrayNode();
        for (ExperimentArm arm : arms) {
            json.addObject().put("name", arm.profile().name()).put("version", arm.profile().version())
                    .put("weight", arm.weight());
        }
        long id = store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiments (name, arms_json, seed, started_ns)"
                    + " VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, json.toString());
                ps.setLong(3, seed);
                ps.setLong(4, Sql.nanos(started));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new ExperimentInfo(id, name, arms, seed, started, null);
    }

    public void stop(long id, Instant at) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE experiments SET stopped_ns = ? WHERE id = ? AND stopped_ns IS NULL")) {
                ps.setLong(1, Sql.nanos(at));
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    public void addCall(long experimentId, ExperimentCall call) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO experiment_calls (experiment_id,"
                    + " call_id, arm, profile_name, profile_version, at_ns) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, experimentId);
                ps.setString(2, call.callId());
                ps.setInt(3, call.arm());
                ps.setString(4, call.profile().name());
                ps.setInt(5, call.profile().version());
                ps.setLong(6, Sql.nanos(call.at()));
                return ps.executeUpdate();
            }
        });
    }

    /** Every experiment, newest first. */
    public List<ExperimentInfo> list() {
        return store.withShared(c -> {
            List<ExperimentInfo> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, arms_json, seed, started_ns, stopped_ns"
                    + " FROM experiments ORDER BY started_ns DESC, id DESC"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ExperimentInfo(rs.getLong(1), rs.getString(2), arms(rs.getString(3)),
                            rs.getLong(4), Sql.instant(rs.getLong(5)), Sql.instantOrNull(rs, "stopped_ns")));
                }
            }
            return result;
        });
    }

    public Optional<ExperimentInfo> get(long id) {
        return list().stream().filter(e -> e.id() == id).findFirst();
    }

    /** The calls of one experiment in arrival order. */
    public List<ExperimentCall> calls(long experimentId) {
        return store.withShared(c -> {
            List<ExperimentCall> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT call_id, arm, profile_name, profile_version, at_ns"
                    + " FROM experiment_calls WHERE experiment_id = ? ORDER BY at_ns, call_id")) {
                ps.setLong(1, experimentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new ExperimentCall(rs.getString(1), rs.getInt(2),
                                new ProfileRef(rs.getString(3), rs.getInt(4)), Sql.instant(rs.getLong(5))));
                    }
                }
            }
            return result;
        });
    }

    /** The ids of stored calls accepted with one profile version (for the profiles editor's per-version stats). */
    public List<String> callsWithProfile(ProfileRef profile) {
        return store.withShared(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM calls WHERE profile_name = ? COLLATE NOCASE"
                    + " AND profile_version = ? ORDER BY started_ns")) {
                ps.setString(1, profile.name());
                ps.setInt(2, profile.version());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    private static List<ExperimentArm> arms(String json) {
        List<ExperimentArm> arms = new ArrayList<>();
        for (JsonNode n : HistoryJson.parse(json)) {
            arms.add(new ExperimentArm(new ProfileRef(n.path("name").asText(), n.path("version").asInt()),
                    n.path("weight").asDouble(1)));
        }
        return arms;
    }
}
