package dev.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** From/To header values come from the caller's carrier: any text gives an address, never an exception. */
class SipAddressFuzzTest {

    @Property(tries = 2000)
    void anyHeaderValueGivesAnAddress(@ForAll String value) {
        assertUsable(SipAddress.parse(value));
    }

    @Property(tries = 2000)
    void headerLikeValuesGiveAnAddress(@ForAll("headerLike") String value) {
        assertUsable(SipAddress.parse(value));
    }

    @Property(tries = 1000)
    void aWellFormedNameAddrKeepsItsNumberAndName(@ForAll("numbers") String number, @ForAll("names") String name) {
        SipAddress parsed = SipAddress.parse("\"" + name + "\" <sip:" + number + "@pstn.example.com>;tag=abc");
        assertEquals(number, parsed.number());
        assertEquals(name, parsed.displayName());
    }

    private static void assertUsable(SipAddress address) {
        assertNotNull(address.displayName());
        assertNotNull(address.uri());
        assertFalse(address.number().isEmpty(), "the number is never empty (\"unknown\" at worst)");
        assertNotNull(address.describe());
    }

    @Provide
    Arbitrary<String> headerLike() {
        return Arbitraries.of("\"", "<", ">", "sip:", "sips:", "tel:", "@", ";", "?", "\\", "\\\"", " ", "+1555",
                "tag=1", "Caller", "\u00e9", "\uD83D\uDE00", "\t").list().ofMaxSize(25).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> numbers() {
        return Combinators.combine(Arbitraries.of("", "+"), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15))
                .as(String::concat);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().alpha().withChars(' ', '-', '.').ofMaxLength(20);
    }
}
