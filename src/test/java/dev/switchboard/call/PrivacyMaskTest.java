package dev.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PrivacyMaskTest {

    @Test
    void numbersKeepTheirLastFourDigits() {
        assertEquals("•••••••0001", PrivacyMask.maskNumber("+15551230001"));
        assertEquals("•••••••0001", PrivacyMask.maskNumber("+1 (555) 123-0001"));
        assertEquals("••••••••6789", PrivacyMask.maskNumber("+441234456789"));
    }

    @Test
    void shortNumbersKeepOnlyHalf() {
        assertEquals("••34", PrivacyMask.maskNumber("1234"));
        assertEquals("••••678", PrivacyMask.maskNumber("1234678"));
        assertEquals("•", PrivacyMask.maskNumber("7"));
    }

    @Test
    void textWithoutDigitsIsHiddenAndBlankStaysBlank() {
        assertEquals("•••", PrivacyMask.maskNumber("anonymous"));
        assertEquals("•••", PrivacyMask.maskNumber("sip:alice@example.com"));
        assertEquals("", PrivacyMask.maskNumber(""));
        assertNull(PrivacyMask.maskNumber(null));
    }

    @Test
    void addressesKeepTheNameAndMaskTheNumber() {
        SipAddress caller = SipAddress.parse("\"Dana Whitfield\" <sip:+15551230001@pstn.twilio.com>;tag=1");
        assertEquals("Dana Whitfield (•••••••0001)", PrivacyMask.maskAddress(caller));
        assertEquals("•••••••0000", PrivacyMask.maskAddress(SipAddress.parse("<sip:+15559870000@sip.api.openai.com>")));
        assertFalse(PrivacyMask.maskAddress(caller).contains("555123"));
    }

    @Test
    void secretsShowNeitherContentNorLength() {
        assertEquals(PrivacyMask.HIDDEN_SECRET, PrivacyMask.maskSecret("sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"));
        assertEquals(PrivacyMask.HIDDEN_SECRET, PrivacyMask.maskSecret("whsec_c2VjcmV0"));
        assertEquals("", PrivacyMask.maskSecret(""));
        assertEquals("", PrivacyMask.maskSecret(null));
    }

    @Test
    void keysKeepTheirPrefixAndLastFourOnlyWhenLongEnough() {
        assertEquals("sk-…wxyz", PrivacyMask.keepEnds("sk-proj-abcdefghijklmnopwxyz", 3, "…"));
        assertEquals("whsec_...abcd", PrivacyMask.keepEnds("whsec_c3dpdGNoYm9hcmQtdGVzdCabcd", 6, "..."));
        assertEquals("(set)", PrivacyMask.keepEnds("sk-short-key12", 3, "…"), "14 characters: the ends would be half of it");
        assertEquals("(not set)", PrivacyMask.keepEnds(" ", 3, "…"));
        assertEquals("(not set)", PrivacyMask.keepEnds(null, 3, "…"));
    }
}
