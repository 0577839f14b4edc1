package dev.switchboard.store;

import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.ProfileSummary;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.LineDiff;
import dev.switchboard.history.HistoryFormatException;
import dev.switchboard.history.HistoryJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.AlertPolicy;
import dev.switchboard.call.AlertRule;
import dev.switchboard.history.AlertPolicyJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Agent profiles: named accept settings, kept in the history database. Every save adds a version (number, time,
 * settings, the profile's own alert rules and cost cap); old versions are never changed, so a call's recorded {@link ProfileRef} always finds what it used
 * (until the profile is deleted). Names are unique ignoring case. Thread-safe; does I/O, so call it off the FX thread.
 */
public final class ProfileStore {

    /** Identifies a profiles file. */
    public static final String FILE_FORMAT = "switchboard-profiles";
    public static final int FILE_FORMAT_VERSION = 1;

    private final HistoryStore store;

    ProfileStore(HistoryStore store) {
        this.store = store;
    }

    /** Creates a profile with its version 1, without alerts of its own. */
    public ProfileVersion create(String name, AcceptSettings settings) {
        return create(name, settings, AlertPolicy.NONE);
    }

    /** Creates a profile with its version 1. */
    public ProfileVersion create(String name, AcceptSettings settings, AlertPolicy alerts) {
        String clean = checkName(name);
        return store.inTransaction(c -> {
            if (profileId(c, clean).isPresent()) {
                throw new StoreException("a profile named '" + clean + "' exists already");
            }
            Instant now = store.clock().instant();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO profiles (name, created_ns) VALUES (?, ?)")) {
                ps.setString(1, clean);
                ps.setLong(2, Sql.nanos(now));
                ps.executeUpdate();
            }
            id = profileId(c, clean).orElseThrow();
            return insertVersion(c, id, clean, 1, now, settings, alerts);
        });
    }

    /** Saves new settings as a new version numbered one past the latest; the latest version's alerts stay. */
    public ProfileVersion save(String name, AcceptSettings settings) {
        return save(name, settings, null);
    }

    /** Saves an edit: a new version numbered one past the latest ({@code alerts} null: the latest's alerts). */
    public ProfileVersion save(String name, AcceptSettings settings, AlertPolicy alerts) {
        return store.inTransaction(c -> {
            long id = requireId(c, name);
            String stored = storedName(c, id);
            int latest = latestVersion(c, id);
            AlertPolicy kept = alerts != null ? alerts
                    : readVersion(c, id, latest).map(ProfileVersion::alerts).orElse(AlertPolicy.NONE);
            return insertVersion(c, id, stored, latest + 1, store.clock().instant(), settings, kept);
        });
    }

    /** A new profile with the latest settings of another, as its version 1. */
    public ProfileVersion duplicate(String name, String newName) {
        ProfileVersion source = latest(name).orElseThrow(() -> noSuchProfile(name));
        return create(newName, source.settings(), source.alerts());
    }

    /** Renames a profile; its versions stay. Calls recorded earlier keep the old name. */
    public void rename(String name, String newName) {
        String clean = checkName(newName);
        store.inTransaction(c -> {
            long id = requireId(c, name);
            Optional<Long> other = profileId(c, clean);
            if (other.isPresent() && other.get() != id) {
                throw new StoreException("a profile named '" + clean + "' exists already");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE profiles SET name = ? WHERE id = ?")) {
                ps.setString(1, clean);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes a profile and all its versions; returns whether it existed. */
    public boolean delete(String name) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM profiles WHERE name = ?")) {
                ps.setString(1, name == null ? "" : name.strip());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** All profiles by name. */
    public List<ProfileSummary> list() {
        return store.withShared(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.name, p.created_ns, MAX(v.version),"
                    + " MAX(v.saved_ns) FROM profiles p JOIN profile_versions v ON v.profile_id = p.id"
                    + " GROUP BY p.id ORDER BY p.name COLLATE NOCASE");
                 ResultSet rs = ps.executeQuery()) {
                List<ProfileSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ProfileSummary(rs.getString(1), rs.getInt(3), Sql.instant(rs.getLong(2)),
                            Sql.instant(rs.getLong(4))));
                }
                return out;
            }
        });
    }

    public List<String> names() {
        return list().stream().map(ProfileSummary::name).toList();
    }

    public Optional<ProfileVersion> latest(String name) {
        return store.withShared(c -> {
            Optional<Long> id = profileId(c, name);
            if (id.isEmpty()) {
                return Optional.<ProfileVersion>empty();
            }
            return readVersion(c, id.get(), latestVersion(c, id.get()));
        });
    }

    public Optional<ProfileVersion> version(String name, int version) {
        return store.withShared(c -> {
            Optional<Long> id = profileId(c, name);
            return id.isEmpty() ? Optional.<ProfileVersion>empty() : readVersion(c, id.get(), version);
        });
    }

    public Optional<ProfileVersion> version(ProfileRef ref) {
        return version(ref.name(), ref.version());
    }

    /** Every version, oldest first. */
    public List<ProfileVersion> versions(String name) {
        return store.withShared(c -> {
            Optional<Long> id = profileId(c, name);
            List<ProfileVersion> out = new ArrayList<>();
            if (id.isEmpty()) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement(VERSION_COLUMNS
                    + " WHERE v.profile_id = ? ORDER BY v.version")) {
                ps.setLong(1, id.get());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(version(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The line diff of two versions' instructions, for side-by-side display. */
    public List<LineDiff.Line> diffInstructions(ProfileVersion older, ProfileVersion newer) {
        return LineDiff.diff(older.settings().instructions(), newer.settings().instructions());
    }

    // ---- files ----

    /**
     * The named profiles (all when {@code names} is empty) with every version, as JSON:
     * {@code {"format":"switchboard-profiles","formatVersion":1,"profiles":[{"name":…,"versions":[{"version":1,
     * "savedAt":…,"settings":{…},"alerts":{"rules":[…],"costCapUsd":…}}]}]}} ({@code alerts} only when the version
     * has any; a file without them still reads).
     */
    public String exportJson(Collection<String> names) {
        ObjectNode root = HistoryJson.MAPPER.createObjectNode();
        root.put("format", FILE_FORMAT);
        root.put("formatVersion", FILE_FORMAT_VERSION);
        ArrayNode profiles = root.putArray("profiles");
        List<String> chosen = names == null || names.isEmpty() ? names() : List.copyOf(names);
        for (String name : chosen) {
            List<ProfileVersion> versions = versions(name);
            if (versions.isEmpty()) {
                throw noSuchProfile(name);
            }
            ObjectNode p = profiles.addObject();
            p.put("name", versions.get(0).name());
            ArrayNode vs = p.putArray("versions");
            for (ProfileVersion v : versions) {
                ObjectNode vn = vs.addObject();
                vn.put("version", v.version());
                vn.put("savedAt", v.savedAt().toString());
                vn.set("settings", HistoryJson.settingsNode(v.settings(), true)); // MCP secrets stay here
                if (!v.alerts().isEmpty()) {
                    vn.set("alerts", AlertPolicyJson.node(v.alerts()));
                }
            }
        }
        try {
            return HistoryJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void exportTo(Path file, Collection<String> names) throws IOException {
        Files.writeString(file, exportJson(names), StandardCharsets.UTF_8);
    }

    /**
     * Reads a profiles file. A profile with a new name is created with all its versions (renumbered from 1, saved
     * times kept). For a name that exists, the file's latest settings and alerts become a new version, unless they
     * equal the current latest. Returns the latest version of each profile touched.
     */
    public List<ProfileVersion> importJson(String json) {
        JsonNode root;
        try {
            root = HistoryJson.parse(json);
        } catch (HistoryFormatException e) {
            throw new StoreException(e.getMessage(), e);
        }
        if (!FILE_FORMAT.equals(root.path("format").asText())) {
            throw new StoreException("not a Switchboard profiles file (format is '" + root.path("format").asText() + "')");
        }
        if (root.path("formatVersion").asInt() > FILE_FORMAT_VERSION) {
            throw new StoreException("the profiles file is from a newer Switchboard");
        }
        return store.inTransaction(c -> {
            List<ProfileVersion> result = new ArrayList<>();
            for (JsonNode p : root.path("profiles")) {
                String name = checkName(p.path("name").asText());
                List<JsonNode> versions = new ArrayList<>();
                p.path("versions").forEach(versions::add);
                versions.sort((a, b) -> Integer.compare(a.path("version").asInt(), b.path("version").asInt()));
                if (versions.isEmpty()) {
                    throw new StoreException("profile '" + name + "' in the file has no versions");
                }
                Optional<Long> existing = profileId(c, name);
                if (existing.isEmpty()) {
                    Instant created = savedAt(versions.get(0));
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO profiles (name, created_ns) VALUES (?, ?)")) {
                        ps.setString(1, name);
                        ps.setLong(2, Sql.nanos(created));
                        ps.executeUpdate();
                    }
                    long id = profileId(c, name).orElseThrow();
                    ProfileVersion last = null;
                    int number = 1;
                    for (JsonNode v : versions) {
                        last = insertVersion(c, id, name, number++, savedAt(v), settingsOf(name, v), alertsOf(name, v));
                    }
                    result.add(last);
                } else {
                    long id = existing.get();
                    JsonNode last = versions.get(versions.size() - 1);
                    AcceptSettings incoming = settingsOf(name, last);
                    AlertPolicy incomingAlerts = alertsOf(name, last);
                    int latest = latestVersion(c, id);
                    ProfileVersion current = readVersion(c, id, latest).orElseThrow();
                    result.add(incoming.equals(current.settings()) && incomingAlerts.equals(current.alerts()) ? current
                            : insertVersion(c, id, storedName(c, id), latest + 1, store.clock().instant(), incoming,
                            incomingAlerts));
                }
            }
            return result;
        });
    }

    public List<ProfileVersion> importFrom(Path file) throws IOException {
        return importJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    // ---- SQL ----

    private static AcceptSettings settingsOf(String name, JsonNode version) {
        AcceptSettings s = HistoryJson.settings(version.get("settings"));
        if (s == null) {
            throw new StoreException("profile '" + name + "' in the file has a version without settings");
        }
        return s;
    }

    private static AlertPolicy alertsOf(String name, JsonNode version) {
        try {
            return AlertPolicyJson.read(version.get("alerts"));
        } catch (IllegalArgumentException e) {
            throw new StoreException("profile '" + name + "' in the file has bad alerts: " + e.getMessage());
        }
    }

    private static Instant savedAt(JsonNode version) {
        try {
            return Instant.parse(version.path("savedAt").asText());
        } catch (RuntimeException e) {
            throw new StoreException("a profile version in the file has no valid savedAt");
        }
    }

    private ProfileVersion insertVersion(Connection c, long id, String name, int version, Instant at,
                                         AcceptSettings settings, AlertPolicy alerts) throws SQLException {
        if (settings == null) {
            throw new IllegalArgumentException("settings are null");
        }
        AlertPolicy policy = alerts == null ? AlertPolicy.NONE : alerts;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO profile_versions (profile_id, version, saved_ns,"
                + " settings_json, alert_rules_json, cost_cap_usd) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            ps.setLong(3, Sql.nanos(at));
            ps.setString(4, HistoryJson.settingsJson(settings));
            ps.setString(5, AlertPolicyJson.rulesJson(policy));
            if (policy.costCapUsd().isPresent()) {
                ps.setDouble(6, policy.costCapUsd().getAsDouble());
            } else {
                ps.setNull(6, java.sql.Types.REAL);
            }
            ps.executeUpdate();
        }
        return new ProfileVersion(name, version, at, settings, policy);
    }

    private static final String VERSION_COLUMNS = "SELECT p.name, v.version, v.saved_ns, v.settings_json,"
            + " v.alert_rules_json, v.cost_cap_usd FROM profile_versions v JOIN profiles p ON p.id = v.profile_id";

    private static Optional<ProfileVersion> readVersion(Connection c, long id, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(VERSION_COLUMNS + " WHERE v.profile_id = ? AND v.version = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(version(rs)) : Optional.empty();
            }
        }
    }

    /** One row of {@link #VERSION_COLUMNS}. */
    private static ProfileVersion version(ResultSet rs) throws SQLException {
        double cap = rs.getDouble(6);
        boolean capped = !rs.wasNull();
        return new ProfileVersion(rs.getString(1), rs.getInt(2), Sql.instant(rs.getLong(3)),
                HistoryJson.settingsFromJson(rs.getString(4)), storedAlerts(rs.getString(5), capped, cap));
    }

    /** Checked when saved; an expression this Java cannot compile (a hand-edited database) is left out, not fatal. */
    private static AlertPolicy storedAlerts(String rulesJson, boolean capped, double cap) {
        List<AlertRule> rules = new ArrayList<>();
        for (String expression : AlertPolicyJson.rulesFromJson(rulesJson)) {
            try {
                rules.add(AlertRule.of(expression));
            } catch (IllegalArgumentException e) {
                // skipped: the version still loads
            }
        }
        boolean validCap = capped && cap > 0 && cap <= AlertPolicy.MAX_COST_CAP_USD;
        return new AlertPolicy(rules, validCap ? OptionalDouble.of(cap) : OptionalDouble.empty());
    }

    private static Optional<Long> profileId(Connection c, String name) throws SQLException {
        if (name == null) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM profiles WHERE name = ?")) {
            ps.setString(1, name.strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long requireId(Connection c, String name) throws SQLException {
        return profileId(c, name).orElseThrow(() -> noSuchProfile(name));
    }

    private static String storedName(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM profiles WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static int latestVersion(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM profile_versions WHERE profile_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static StoreException noSuchProfile(String name) {
        return new StoreException("no profile named '" + name + "'");
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new StoreException("a profile needs a name");
        }
        if (clean.length() > 100) {
            throw new StoreException("a profile name is at most 100 characters");
        }
        return clean;
    }
}
