package dev.switchboard.history;


/**
 * Calls whose called number (the {@code To} header's user part) starts with {@code numberPrefix} are accepted
 * automatically with the latest version of {@code profileName}.
 *
 * @param id       database id, 0 for a rule not saved yet
 * @param position order among the rules; the first match wins
 */
public record RoutingRule(long id, int position, String numberPrefix, String profileName, boolean enabled) {

    public RoutingRule {
        numberPrefix = numberPrefix == null ? "" : numberPrefix.strip();
        profileName = profileName == null ? "" : profileName.strip();
    }

    /** Whether this rule covers a called number (both compared without spaces, dashes, dots or brackets). */
    public boolean matches(String calledNumber) {
        if (!enabled || calledNumber == null) {
            return false;
        }
        String prefix = normalize(numberPrefix);
        return !prefix.isEmpty() && normalize(calledNumber).startsWith(prefix);
    }

    /** A number without the spaces, dashes, dots and brackets people type into numbers. */
    public static String normalize(String number) {
        return number == null ? "" : number.replaceAll("[\\s\\-.()]", "");
    }
}
