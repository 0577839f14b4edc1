package dev.switchboard.sim;

import dev.switchboard.sim.ServerEventFactory.FunctionCall;
import dev.switchboard.sim.Step.AgentAsksApproval;
import dev.switchboard.sim.Step.AgentCallsTools;
import dev.switchboard.sim.Step.AgentFails;
import dev.switchboard.sim.Step.AgentSlow;
import dev.switchboard.sim.Step.CallerBargesIn;
import dev.switchboard.sim.Step.AgentSays;
import dev.switchboard.sim.Step.CallerHangsUp;
import dev.switchboard.sim.Step.CallerPresses;
import dev.switchboard.sim.Step.CallerSays;
import dev.switchboard.sim.Step.Transcription;
import java.util.List;

/** A simulated caller and what they do once the call is answered (after the agent's greeting). */
public enum Scenario {

    SUPPORT_CALL("Billing question", "Dana Whitfield", "+15551230001"),
    HANGS_UP_WHILE_RINGING("Hangs up while ringing", "Marcus Lee", "+15551230002"),
    DTMF_MENU("Keypad menu", "Priya Raman", "+15551230003"),
    TOOL_CALL("Order lookup (tool call)", "Tom Okafor", "+15551230004"),
    PARALLEL_TOOLS("Two orders (parallel tool calls)", "Ines Moreau", "+15551230005"),
    MCP_APPROVAL("Refund via MCP (approval)", "Kofi Mensah", "+15551230006"),
    BARGE_IN("Caller talks over the agent", "Lena Fischer", "+15551230009"),
    FAILED_RESPONSE("A response fails", "Omar Haddad", "+15551230010"),
    FAILED_TRANSCRIPTION("Caller transcription fails", "Grace Kim", "+15551230011"),
    SLOW_TURN("A slow answer", "Diego Alvarez", "+15551230012");

    private static final String SYSTEM_DOWN = "I'm sorry, I can't reach the order system right now.";

    private final String label;
    private final String callerName;
    private final String callerNumber;

    Scenario(String label, String callerName, String callerNumber) {
        this.label = label;
        this.callerName = callerName;
        this.callerNumber = callerNumber;
    }

    public String label() {
        return label;
    }

    public String callerName() {
        return callerName;
    }

    /** E.164, as in the From header. */
    public String callerNumber() {
        return callerNumber;
    }

    /** Seconds (at speed 1) after which the caller gives up ringing, or -1 when they wait. */
    double hangsUpWhileRingingAfterSeconds() {
        return this == HANGS_UP_WHILE_RINGING ? 3 : -1;
    }

    /** What happens after the greeting. */
    List<Step> script() {
        return switch (this) {
            case SUPPORT_CALL -> List.of(
                    new CallerSays("Hi, I think I was charged twice for my subscription this month.",
                            Transcription.ON_TIME),
                    new AgentSays("I'm sorry about that. Could you tell me the email address on the account?"),
                    new CallerSays("Sure, it's dana dot whitfield at example dot com.", Transcription.LATE),
                    new AgentSays("Thanks, Dana. I can see two charges of nineteen ninety-nine on June third. "
                            + "I've refunded the duplicate; it will show up in three to five business days."),
                    new CallerSays("Great, that's all I needed. Thank you so much!", Transcription.ON_TIME),
                    new AgentSays("You're welcome, Dana. Have a great day!"),
                    new CallerSays("Bye!", Transcription.ON_TIME),
                    new CallerHangsUp());
            case HANGS_UP_WHILE_RINGING -> List.of(new CallerHangsUp());
            case DTMF_MENU -> List.of(
                    new AgentSays("For billing, press 1. For technical support, press 2."),
                    new CallerPresses("2"),
                    new AgentSays("Technical support. Tell me briefly what is wrong, "
                            + "or press 0 to hear our opening hours."),
                    new CallerSays("Uh.", Transcription.FAILS),
                    new AgentSays("Sorry, I didn't catch that. You can also use your keypad."),
                    new CallerPresses("0"),
                    new AgentSays("Our technicians are available every day from eight a.m. to eight p.m. Goodbye!"),
                    new CallerHangsUp());
            case TOOL_CALL -> List.of(
                    new CallerSays("Hi, I'd like to know where my order is. The number is four five one seven.",
                            Transcription.ON_TIME),
                    new AgentCallsTools("Let me look that up for you.",
                            List.of(lookup("4517")),
                            "Your order 4517 has shipped with UPS and should arrive on Thursday.", SYSTEM_DOWN),
                    new CallerSays("Perfect, thanks. Bye!", Transcription.LATE),
                    new AgentSays("You're welcome, goodbye!"),
                    new CallerHangsUp());
            case PARALLEL_TOOLS -> List.of(
                    new CallerSays("Hi, I have two orders, four five one seven and four five one eight. Where are they?",
                            Transcription.ON_TIME),
                    new AgentCallsTools("Let me check both orders.", List.of(lookup("4517"), lookup("4518")),
                            "Order 4517 arrives on Thursday, and order 4518 ships tomorrow.", SYSTEM_DOWN),
                    new CallerSays("Great, thank you. Bye!", Transcription.ON_TIME),
                    new AgentSays("Goodbye!"),
                    new CallerHangsUp());
            case MCP_APPROVAL -> List.of(
                    new CallerSays("Hello, I'd like a refund for order four five one seven, it arrived broken.",
                            Transcription.ON_TIME),
                    new AgentAsksApproval("I'm sorry to hear that. Let me issue the refund.", "billing", "issue_refund",
                            "{\"order_id\":\"4517\",\"reason\":\"damaged\"}",
                            "{\"refund_id\":\"rf_4517\",\"status\":\"issued\"}",
                            "Done: your refund for order 4517 is on its way.",
                            "I'm sorry, I'm not allowed to issue that refund myself. A colleague will call you back."),
                    new CallerSays("Okay, thanks. Bye!", Transcription.ON_TIME),
                    new AgentSays("Goodbye!"),
                    new CallerHangsUp());
            case BARGE_IN -> List.of(
                    new CallerSays("Hi, can you tell me about my data plan?", Transcription.ON_TIME),
                    new CallerBargesIn("Of course. Your plan includes twenty gigabytes of data per month, unlimited "
                            + "calls and texts, and roaming in thirty countries at no extra cost.",
                            "Sorry, I only need to know how much data is left."),
                    new AgentSays("You have eight gigabytes left this month."),
                    new CallerSays("Thanks, bye.", Transcription.ON_TIME),
                    new CallerHangsUp());
            case FAILED_RESPONSE -> List.of(
                    new CallerSays("Hello, I'd like to change my delivery address.", Transcription.ON_TIME),
                    new AgentFails("server_error", "The server had an error while processing your request."),
                    new CallerSays("Hello? Are you there?", Transcription.ON_TIME),
                    new AgentSays("Sorry about that. Which address should we deliver to?"),
                    new CallerHangsUp());
            case FAILED_TRANSCRIPTION -> List.of(
                    new CallerSays("Mm-hm.", Transcription.FAILS),
                    new AgentSays("Sorry, I didn't catch that. How can I help?"),
                    new CallerSays("I'd like to book a table for two tonight.", Transcription.ON_TIME),
                    new AgentSays("Of course, you're booked for seven p.m. See you tonight!"),
                    new CallerHangsUp());
            case SLOW_TURN -> List.of(
                    new CallerSays("What's the status of my insurance claim?", Transcription.ON_TIME),
                    new AgentSlow("Your claim was approved yesterday; the payment goes out on Friday.", 4_000),
                    new CallerSays("Great, thank you.", Transcription.ON_TIME),
                    new AgentSays("You're welcome, goodbye!"),
                    new CallerHangsUp());
        };
    }

    private static FunctionCall lookup(String orderId) {
        return new FunctionCall(Ids.functionCall(), "lookup_order", "{\"order_id\":\"" + orderId + "\"}");
    }
}
