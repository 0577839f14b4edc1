package dev.switchboard.call;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a call can be transferred: a {@code tel:} number (digits with an optional leading {@code +}, the
 * visual separators {@code - . ( )}, and parameters such as {@code ;ext=12}) or a {@code sip:} / {@code sips:}
 * address with a user and a host. One rule for the window and the REST client.
 */
public final class TransferTarget {

    private static final Pattern TEL = Pattern.compile("tel:\\+?[0-9][0-9\\-.()]{2,31}(;[^\\s;]+)*");
    private static final Pattern SIP = Pattern.compile("sips?:[^\\s@;:]+(:[^\\s@;]*)?@[A-Za-z0-9.\\-\\[\\]:]+(;[^\\s;]+)*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_NUMBER = Pattern.compile("\\+?[0-9][0-9().\\- ]+");

    private final String uri;

    private TransferTarget(String uri) {
        this.uri = uri;
    }

    /** The target, or empty when {@link #problem} has something to say. */
    public static Optional<TransferTarget> parse(String text) {
        return problem(text).isEmpty() ? Optional.of(new TransferTarget(text.trim())) : Optional.empty();
    }

    /** Why {@code text} is not a usable target, in words for a person; empty when it is one. */
    public static String problem(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            return "Enter a tel: or sip: address, e.g. tel:+14155550123.";
        }
        if (TEL.matcher(value).matches() || SIP.matcher(value).matches()) {
            return "";
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("tel:") && value.contains(" ")) {
            return "Remove the spaces: " + value.replace(" ", "");
        }
        if ((lower.startsWith("sip:") || lower.startsWith("sips:")) && !value.contains("@")) {
            return "'" + value + "' needs a user and a host, e.g. sip:agent@example.com.";
        }
        if (BARE_NUMBER.matcher(value).matches()) {
            return "Add the scheme: tel:" + value.replace(" ", "");
        }
        return "'" + value + "' is not a tel: or sip: address.";
    }

    /** The URI as it is sent ({@code target_uri}), trimmed. */
    public String uri() {
        return uri;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransferTarget t && t.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri);
    }

    @Override
    public String toString() {
        return uri;
    }
}
