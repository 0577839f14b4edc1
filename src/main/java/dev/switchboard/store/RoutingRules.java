package dev.switchboard.store;

import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.RoutingRule;
import dev.switchboard.call.Call;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Auto-accept by called number: an ordered list of {@link RoutingRule}s kept with the profiles. {@link #route}
 * picks the first enabled rule whose prefix the call's {@code To} number starts with, and gives that profile's latest
 * version; no match (or a rule naming a deleted profile) means the call rings for a person. Thread-safe.
 */
public final class RoutingRules {

    private final HistoryStore store;

    RoutingRules(HistoryStore store) {
        this.store = store;
    }

    /** In order: the first match wins. */
    public List<RoutingRule> list() {
        return store.withShared(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, position, number_prefix, profile_name, enabled"
                    + " FROM routing_rules ORDER BY position, id"); ResultSet rs = ps.executeQuery()) {
                List<RoutingRule> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new RoutingRule(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5) != 0));
                }
                return out;
            }
        });
    }

    /** Appends a rule at the end. */
    public RoutingRule add(String numberPrefix, String profileName) {
        List<RoutingRule> rules = new ArrayList<>(list());
        rules.add(new RoutingRule(0, rules.size(), numberPrefix, profileName, true));
        List<RoutingRule> saved = replaceAll(rules);
        return saved.get(saved.size() - 1);
    }

    /** Removes a rule; returns whether it existed. */
    public boolean remove(long id) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM routing_rules WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Replaces every rule with these, in this order (positions are renumbered 0, 1, …): what a rules editor saves.
     * Each rule needs a prefix with at least one digit; a new rule (id 0) needs the name of an existing profile.
     * A kept rule whose profile was deleted since stays, and matches nothing until that profile exists again.
     */
    public List<RoutingRule> replaceAll(List<RoutingRule> rules) {
        for (RoutingRule r : rules) {
            if (RoutingRule.normalize(r.numberPrefix()).chars().noneMatch(Character::isDigit)) {
                throw new StoreException("a routing rule needs a number prefix such as +1555, got '"
                        + r.numberPrefix() + "'");
            }
            if (r.id() == 0 && store.profiles().latest(r.profileName()).isEmpty()) {
                throw ProfileStore.noSuchProfile(r.profileName());
            }
        }
        store.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM routing_rules")) {
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO routing_rules (id, position, number_prefix,"
                    + " profile_name, enabled) VALUES (?, ?, ?, ?, ?)")) {
                int position = 0;
                for (RoutingRule r : rules) {
                    if (r.id() > 0) {
                        ps.setLong(1, r.id());
                    } else {
                        ps.setNull(1, java.sql.Types.INTEGER);
                    }
                    ps.setInt(2, position++);
                    ps.setString(3, r.numberPrefix());
                    ps.setString(4, r.profileName());
                    ps.setInt(5, r.enabled() ? 1 : 0);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return list();
    }

    /** The profile version a call should be accepted with automatically, if a rule covers its called number. */
    public Optional<ProfileVersion> route(Call call) {
        return route(call.callee().number());
    }

    public Optional<ProfileVersion> route(String calledNumber) {
        for (RoutingRule rule : list()) {
            if (rule.matches(calledNumber)) {
                Optional<ProfileVersion> profile = store.profiles().latest(rule.profileName());
                if (profile.isPresent()) {
                    return profile;
                }
            }
        }
        return Optional.empty();
    }

}
