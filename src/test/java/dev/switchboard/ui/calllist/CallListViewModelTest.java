package dev.switchboard.ui.calllist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.SipHeader;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's call list stays bounded: old ended calls leave it, live and selected ones never do. */
class CallListViewModelTest {

    private static Call call(int n) {
        return new Call("rtc_" + n, List.of(new SipHeader("From", "<sip:+1555000" + n + "@x>")), Clock.systemUTC());
    }

    private static Call ended(int n) {
        Call call = call(n);
        call.moveTo(CallState.REJECTED, "test");
        return call;
    }

    @Test
    void oldEndedCallsLeaveTheListPastTheBound() {
        CallListViewModel list = new CallListViewModel();
        Call ringing = call(0);
        list.add(ringing);
        Call firstEnded = ended(1);
        list.add(firstEnded);
        list.selectedProperty().set(list.rowOf(firstEnded).orElseThrow());
        Call secondEnded = ended(2);
        list.add(secondEnded);
        for (int i = 3; i < CallListViewModel.MAX_ENDED + 10; i++) {
            list.add(ended(i));
        }
        long endedRows = list.rows().stream().filter(r -> r.state().isTerminal()).count();
        assertEquals(CallListViewModel.MAX_ENDED + 1, endedRows, "the bound, plus the selected old call");
        assertTrue(list.rowOf(ringing).isPresent(), "a live call is never dropped");
        assertTrue(list.rowOf(firstEnded).isPresent(), "the selected call is never dropped");
        assertTrue(list.rowOf(secondEnded).isEmpty(), "the oldest unselected ended call left");
        assertEquals(list.rows().size(), list.rows().stream().distinct().count());
    }
}
