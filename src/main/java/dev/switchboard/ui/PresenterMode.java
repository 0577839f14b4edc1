package dev.switchboard.ui;

import dev.switchboard.call.PrivacyMask;
import dev.switchboard.call.SipAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Presenter mode, for a projector: larger text, phone numbers masked but their last digits, no key or secret,
 * no event inspector. One instance per window (in the window's view model); views ask it how to show a number.
 * Properties only, so it works without the toolkit.
 */
public final class PresenterMode {

    /** The style class on the scene root (and on dialogs) while presenter mode is on. */
    public static final String STYLE_CLASS = "presenter";
    /** Font size of the root in presenter mode relative to the theme's 14 px. */
    public static final double FONT_SCALE = 1.35;

    /** A phone-number-like run inside free text: 5 or more digits, optionally after a + and with single separators. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d(?:[ \\-.]?\\d){4,}");

    private final BooleanProperty active = new SimpleBooleanProperty(this, "presenter");

    public PresenterMode() {
        this(false);
    }

    public PresenterMode(boolean on) {
        active.set(on);
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public boolean isActive() {
        return active.get();
    }

    public void setActive(boolean on) {
        active.set(on);
    }

    /** A phone number as the screen shows it now: whole, or bullets and the last digits. */
    public String number(String number) {
        return isActive() ? PrivacyMask.maskNumber(number) : number;
    }

    /**
     * A caller's name as the screen shows it now: the display name stays (the audience sees it on the phone
     * anyway), a name that is just the number is masked.
     */
    public String name(SipAddress party) {
        if (party == null) {
            return "";
        }
        String name = party.displayName().isBlank() ? party.number() : party.displayName();
        return isActive() && party.displayName().isBlank() ? PrivacyMask.maskNumber(name) : name;
    }

    /** Free text (a SIP header, a JSON event, an action result) with every number-like run masked now. */
    public String text(String text) {
        return isActive() ? maskNumbersIn(text) : text;
    }

    /** Every run of 5+ digits in {@code text} masked like {@link PrivacyMask#maskNumber}. */
    public static String maskNumbersIn(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(PrivacyMask.maskNumber(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
