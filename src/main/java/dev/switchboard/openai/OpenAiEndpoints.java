package dev.switchboard.openai;

import okhttp3.HttpUrl;

/** URLs derived from {@code OPENAI_BASE_URL}: REST under it, the socket on the same host with ws/wss. */
public final class OpenAiEndpoints {

    private final HttpUrl base;

    public OpenAiEndpoints(String baseUrl) {
        HttpUrl parsed = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("base URL is not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
    }

    public HttpUrl callAction(String callId, String action) {
        return base.newBuilder().addPathSegments("realtime/calls").addPathSegment(callId).addPathSegment(action).build();
    }

    public HttpUrl responses() {
        return base.newBuilder().addPathSegment("responses").build();
    }

    public HttpUrl models() {
        return base.newBuilder().addPathSegment("models").build();
    }

    /** The sideband URL in http(s) form (OkHttp upgrades it); {@link #socketUrl} shows the ws form. */
    public HttpUrl socket(String callId) {
        return base.newBuilder().addPathSegment("realtime").addQueryParameter("call_id", callId).build();
    }

    public String socketUrl(String callId) {
        String url = socket(callId).toString();
        return url.startsWith("https:") ? "wss:" + url.substring(6) : "ws:" + url.substring(5);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
