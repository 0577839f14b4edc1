package dev.switchboard.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.openai.OpenAiHttp;
import dev.switchboard.webhook.IncomingCall;
import dev.switchboard.webhook.IncomingCallJournal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void syntheticCallsGoThroughAPrivateListenerAndStubAndLeaveTheSharedPoolAlone() throws Exception {
        OkHttpClient shared = OpenAiHttp.newClient();
        AtomicInteger rehearsed = new AtomicInteger();
        IncomingCallJournal journal = new IncomingCallJournal() {
            @Override
            public void record(IncomingCall call, Instant receivedAt) {
                throw new AssertionError("the warm-up must never record a call: " + call.callId());
            }

            @Override
            public void rehearse(IncomingCall call, Instant receivedAt) {
                rehearsed.incrementAndGet();
            }
        };
        int done = Warmup.runNow(shared, AcceptSettings.defaults(), () -> 0, 25, journal);
        // every synthetic webhook was verified, rehearsed in the journal, parsed and accepted at the stub
        assertEquals(25, done);
        assertEquals(25, rehearsed.get());
        // the API's pool (where the warm connection lives) never saw a warm-up connection
        assertEquals(0, shared.connectionPool().connectionCount());
    }
}
