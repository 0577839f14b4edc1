package dev.switchboard.call;

public record SipHeader(String name, String value) {
}
