package dev.switchboard.team;

import dev.switchboard.config.CommandLine;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.SavedTeamHub;
import java.util.List;
import java.util.Optional;

/**
 * Team mode's flags, checked: {@code --hub URL [--lease-ms N]} for a hub, {@code --attach URL} for a desk with
 * {@code --tail} or {@code --say CALL_ID TEXT} for the headless ones, {@code --desk NAME}.
 */
public record TeamOptions(Optional<HubUrl> hub, Optional<HubUrl> attach, long leaseMs, boolean tail,
                          Optional<List<String>> say, String desk) {

    public static TeamOptions from(CommandLine line) throws ConfigException {
        Optional<HubUrl> hub = url(line, "hub");
        Optional<HubUrl> attach = url(line, "attach");
        if (hub.isPresent() && attach.isPresent()) {
            throw new ConfigException("--hub and --attach exclude each other: a process is a hub or a desk");
        }
        long lease = TeamHub.DEFAULT_LEASE_MS;
        if (line.has("lease-ms")) {
            try {
                lease = Long.parseLong(line.value("lease-ms").trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("--lease-ms must be a number of milliseconds, e.g. 5000");
            }
            if (lease < 500 || lease > 600_000) {
                throw new ConfigException("--lease-ms must be between 500 and 600000");
            }
        }
        boolean tail = line.has("tail");
        Optional<List<String>> say = line.has("say") ? Optional.of(line.group("say")) : Optional.empty();
        if ((tail || say.isPresent()) && attach.isEmpty()) {
            throw new ConfigException((tail ? "--tail" : "--say") + " needs --attach redis://host:port");
        }
        if (tail && say.isPresent()) {
            throw new ConfigException("--tail and --say exclude each other");
        }
        String desk = line.has("desk") ? line.value("desk").trim() : SavedTeamHub.defaultDesk();
        if (!SavedTeamHub.deskProblem(desk).isEmpty()) {
            throw new ConfigException("--desk must be a name of 1 to " + SavedTeamHub.MAX_DESK_LENGTH + " characters");
        }
        return new TeamOptions(hub, attach, lease, tail, say, desk);
    }

    private static Optional<HubUrl> url(CommandLine line, String flag) throws ConfigException {
        if (!line.has(flag)) {
            return Optional.empty();
        }
        try {
            return Optional.of(HubUrl.parse(line.value(flag)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--" + flag + ": " + e.getMessage());
        }
    }

    /** A headless desk: print or say, no window. */
    public boolean headlessDesk() {
        return attach.isPresent() && (tail || say.isPresent());
    }
}
