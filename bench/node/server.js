// The OpenAI Realtime SIP tutorial's webhook server, kept as the reference for bench/cold-start.sh: Express,
// the SDK's webhooks.unwrap to verify, fetch to accept, then the 200. (The tutorial goes on to open the call's
// WebSocket; the benchmark measures only webhook -> accept, so that part is left out.)
// Env: PORT, OPENAI_API_KEY, OPENAI_WEBHOOK_SECRET, OPENAI_BASE_URL (the benchmark's loopback peer).
import express from "express";
import OpenAI from "openai";

const client = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  webhookSecret: process.env.OPENAI_WEBHOOK_SECRET,
});
const baseUrl = process.env.OPENAI_BASE_URL ?? "https://api.openai.com/v1";
const callAccept = {
  type: "realtime",
  instructions: "You are a support agent.",
  model: "gpt-realtime",
};

const app = express();
app.use(express.raw({ type: "*/*" }));

app.post("/", async (req, res) => {
  try {
    const event = await client.webhooks.unwrap(req.body.toString("utf8"), req.headers);
    if (event?.type === "realtime.call.incoming") {
      const callId = event?.data?.call_id;
      const resp = await fetch(`${baseUrl}/realtime/calls/${encodeURIComponent(callId)}/accept`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${process.env.OPENAI_API_KEY}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(callAccept),
      });
      if (!resp.ok) {
        console.error("ACCEPT failed:", resp.status, await resp.text());
        return res.status(500).send("Accept failed");
      }
      await resp.arrayBuffer();
    }
    return res.sendStatus(200);
  } catch (e) {
    if (e?.name === "InvalidWebhookSignatureError" || String(e).includes("signature")) {
      return res.status(400).send("Invalid signature");
    }
    console.error(e);
    return res.status(500).send("Server error");
  }
});

const port = Number(process.env.PORT ?? 8000);
app.listen(port, "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${port}/`));
