/**
 * An embedded, protocol-faithful stand-in for OpenAI's side of Realtime SIP calls (see PROTOCOL.md), for demo
 * mode and tests. {@link dev.switchboard.sim.Simulator} serves the Calls REST API and the sideband WebSocket on
 * {@code http://127.0.0.1:PORT/v1} and rings the app with signed {@code realtime.call.incoming} webhooks.
 *
 * <p>What a client can rely on:
 * <ul>
 *   <li>Every server event has {@code type} and a unique {@code event_id} ({@code event_…}); ids never repeat,
 *       also across reconnects. Items are {@code item_…}, responses {@code resp_…}, calls {@code rtc_} + 32 hex.</li>
 *   <li>On each socket open the first event is {@code session.created} with the current session (the accept body
 *       merged over defaults). The script starts after the greeting's {@code response.done} (the client's first
 *       {@code response.create}), or after 2 s (200 ms at speed 0) without one.</li>
 *   <li>A caller turn: speech_started, speech_stopped, committed, conversation.item.added/done (role user,
 *       transcript null), then, only if {@code audio.input.transcription.model} is set, transcription deltas and
 *       completed (or failed). A LATE transcription completes after the next agent reply's second delta: place
 *       caller text by {@code item_id}.</li>
 *   <li>An agent response: response.created, response.output_item.added, conversation.item.added (assistant),
 *       response.content_part.added, output_audio_buffer.started, transcript deltas, output_audio.done,
 *       output_audio_transcript.done, content_part.done, output_item.done, conversation.item.done, response.done
 *       (with usage), rate_limits.updated, and later output_audio_buffer.stopped (playback finished).</li>
 *   <li>The call ends (caller hangs up, {@code /hangup}, or shortly after {@code /refer}): the state is ENDED
 *       before the server closes the socket with code 1000; later handshakes answer 404.
 *       {@link dev.switchboard.sim.Simulator#dropSocket} instead cuts the TCP connection (client sees a failure);
 *       the script waits and resumes on reconnect without replaying.</li>
 * </ul>
 */
package dev.switchboard.sim;
