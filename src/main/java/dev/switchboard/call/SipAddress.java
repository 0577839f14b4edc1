package dev.switchboard.call;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A party parsed from a SIP {@code From}/{@code To} header value such as
 * {@code "Caller" <sip:+15551230001@pstn.twilio.com>;tag=64a1}.
 */
public record SipAddress(String displayName, String number, String uri) {

    private static final Pattern NAME_ADDR = Pattern.compile("^\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^<\"]*?))\\s*<([^>]*)>");
    private static final Pattern USER_PART = Pattern.compile("^(?i:sips?|tel):([^@;?]+)");

    public static final SipAddress UNKNOWN = new SipAddress("", "unknown", "");

    public static SipAddress parse(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return UNKNOWN;
        }
        String display = "";
        String uri;
        Matcher m = NAME_ADDR.matcher(headerValue);
        if (m.find()) {
            display = m.group(1) != null ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(2).trim();
            uri = m.group(3).trim();
        } else {
            uri = headerValue.split(";", 2)[0].trim();
        }
        Matcher u = USER_PART.matcher(uri);
        String number = u.find() ? u.group(1) : uri;
        return new SipAddress(display, number.isEmpty() ? "unknown" : number, uri);
    }

    /** "Caller (+15551230001)" or just the number. */
    public String describe() {
        return displayName.isBlank() ? number : displayName + " (" + number + ")";
    }
}
