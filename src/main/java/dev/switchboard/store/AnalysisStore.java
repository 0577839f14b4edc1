package dev.switchboard.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.HistoryFormatException;
import dev.switchboard.history.HistoryJson;
import dev.switchboard.history.Rubric;
import dev.switchboard.history.RubricScore;
import dev.switchboard.history.SearchHit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Post-call analyses (one per call, the newest wins; summaries full-text searchable) and per-profile rubrics. */
public final class AnalysisStore {

    /** The item key of a search hit that matched an analysis summary rather than a spoken line. */
    public static final String SUMMARY_KEY = "analysis-summary";

    private final HistoryStore store;

    AnalysisStore(HistoryStore store) {
        this.store = store;
    }

    /** Stores (or replaces, on a retry) the analysis of a stored call. */
    public void save(CallAnalysis a) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO analyses (call_id, status, model,"
                    + " summary, outcome, scores_json, error, at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, a.callId());
                ps.setString(2, a.status().name());
                ps.setString(3, a.model());
                ps.setString(4, a.summary());
                ps.setString(5, a.outcome());
                ps.setString(6, scoresJson(a.scores()));
                ps.setString(7, a.error());
                ps.setLong(8, Sql.nanos(a.at()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM analyses_fts WHERE call_id = ?")) {
                ps.setString(1, a.callId());
                ps.executeUpdate();
            }
            if (!a.summary().isBlank()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO analyses_fts (call_id, summary) VALUES (?, ?)")) {
                    ps.setString(1, a.callId());
                    ps.setString(2, a.summary());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    public Optional<CallAnalysis> load(String callId) {
        return store.withShared(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status, model, summary, outcome, scores_json, error,"
                    + " at_ns FROM analyses WHERE call_id = ?")) {
                ps.setString(1, callId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<CallAnalysis>empty();
                    }
                    return Optional.of(new CallAnalysis(callId, CallAnalysis.Status.valueOf(rs.getString(1)),
                            rs.getString(2), rs.getString(3), rs.getString(4), scores(rs.getString(5)),
                            rs.getString(6), Sql.instant(rs.getLong(7))));
                }
            }
        });
    }

    /** Summaries matching a search (same query rules as {@link HistoryStore#search}), newest call first. */
    public List<SearchHit> search(String query, int limit) {
        String match = HistoryStore.ftsQuery(query);
        if (match.isEmpty() || limit <= 0) {
            return List.of();
        }
        return store.withShared(c -> {
            List<SearchHit> hits = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.call_id, f.summary, snippet(analyses_fts, 1, '"
                    + SearchHit.MATCH_START + "', '" + SearchHit.MATCH_END + "', '" + SearchHit.ELLIPSIS + "', 16),"
                    + " a.at_ns, c.caller_number, c.started_ns FROM analyses_fts f JOIN analyses a"
                    + " ON a.call_id = f.call_id JOIN calls c ON c.id = f.call_id WHERE analyses_fts MATCH ?"
                    + " ORDER BY c.started_ns DESC LIMIT ?")) {
                ps.setString(1, match);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new SearchHit(rs.getString(1), SUMMARY_KEY, null, rs.getString(2), rs.getString(3),
                                Sql.instant(rs.getLong(4)), rs.getString(5), Sql.instant(rs.getLong(6))));
                    }
                }
            }
            return hits;
        });
    }

    /** The rubric saved for a profile name, if any. */
    public Optional<Rubric> rubric(String profileName) {
        return store.withShared(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rubric_json FROM profile_rubrics WHERE profile_name = ?")) {
                ps.setString(1, profileName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rubricOf(rs.getString(1))) : Optional.<Rubric>empty();
                }
            }
        });
    }

    public void saveRubric(String profileName, Rubric rubric) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO profile_rubrics (profile_name, rubric_json) VALUES (?, ?)")) {
                ps.setString(1, profileName);
                JsonNode node = HistoryJson.MAPPER.createObjectNode()
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("items",
                                HistoryJson.MAPPER.valueToTree(rubric.items()))
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("outcomes",
                                HistoryJson.MAPPER.valueToTree(rubric.outcomes()))
                        .put("maskNumbers", rubric.maskNumbers());
                ps.setString(2, node.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    static String scoresJson(List<RubricScore> scores) {
        ArrayNode a = HistoryJson.MAPPER.createArrayNode();
        for (RubricScore s : scores) {
            a.addObject().put("item", s.item()).put("score", s.score()).put("reason", s.reason());
        }
        return a.toString();
    }

    static List<RubricScore> scores(String json) {
        List<RubricScore> scores = new ArrayList<>();
        for (JsonNode n : parse(json)) {
            scores.add(new RubricScore(n.path("item").asText(), n.path("score").asInt(), n.path("reason").asText()));
        }
        return scores;
    }

    private static Rubric rubricOf(String json) {
        JsonNode n = parse(json);
        List<String> items = new ArrayList<>();
        n.path("items").forEach(i -> items.add(i.asText()));
        List<String> outcomes = new ArrayList<>();
        n.path("outcomes").forEach(o -> outcomes.add(o.asText()));
        return new Rubric(items, outcomes, n.path("maskNumbers").asBoolean(true));
    }

    private static JsonNode parse(String json) {
        try {
            return HistoryJson.parse(json);
        } catch (HistoryFormatException e) {
            throw new StoreException("a stored analysis is not valid JSON: " + e.getMessage(), e);
        }
    }
}
