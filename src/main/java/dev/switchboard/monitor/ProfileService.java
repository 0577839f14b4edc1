package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.AlertPolicy;
import dev.switchboard.history.ProfileSummary;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.RoutingRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Saved agent profiles, their versions and the routing rules. Blocking, like {@link HistoryService}. */
public interface ProfileService {

    List<ProfileSummary> list();

    Optional<ProfileVersion> latest(String name);

    List<ProfileVersion> versions(String name);

    ProfileVersion create(String name, AcceptSettings settings);

    /** A new profile with its own alert rules and cost cap. */
    ProfileVersion create(String name, AcceptSettings settings, AlertPolicy alerts);

    /** A new version of an existing profile; the latest version's alerts stay. */
    ProfileVersion save(String name, AcceptSettings settings);

    /** A new version of an existing profile with these alerts. */
    ProfileVersion save(String name, AcceptSettings settings, AlertPolicy alerts);

    ProfileVersion duplicate(String name, String newName);

    void rename(String name, String newName);

    boolean delete(String name);

    List<ProfileVersion> importFrom(Path file) throws IOException;

    void exportTo(Path file, Collection<String> names) throws IOException;

    List<RoutingRule> routingRules();

    List<RoutingRule> replaceRoutingRules(List<RoutingRule> rules);
}
