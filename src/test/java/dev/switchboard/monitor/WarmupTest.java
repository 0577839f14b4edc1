package dev.switchboard.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.openai.OpenAiHttp;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void syntheticCallsGoThroughAPrivateListenerAndStubAndLeaveTheSharedPoolAlone() throws Exception {
        OkHttpClient shared = OpenAiHttp.newClient();
        int done = Warmup.runNow(shared, AcceptSettings.defaults(), () -> 0, 25);
        // every synthetic webhook was verified, parsed and accepted at the stub
        assertEquals(25, done);
        // the API's pool (where the warm connection lives) never saw a warm-up connection
        assertEquals(0, shared.connectionPool().connectionCount());
    }
}
