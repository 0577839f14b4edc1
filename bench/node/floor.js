// The least a webhook server can do, to show the benchmark's floor: no framework, no signature check, no parsing;
// the accept is sent as soon as the request has arrived, then the 200. Not a server anyone should run: it accepts
// whatever reaches it. Run it beside the tutorial: bench/cold-start.sh 10 30 "Switchboard=" "floor=node:bench/node/floor.js"
// Env: PORT, OPENAI_API_KEY, OPENAI_BASE_URL (the benchmark's loopback peer).
import http from "node:http";

const baseUrl = process.env.OPENAI_BASE_URL ?? "https://api.openai.com/v1";
const body = JSON.stringify({ type: "realtime", instructions: "You are a support agent.", model: "gpt-realtime" });

http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", async () => {
    const callId = /"call_id":"([^"]+)"/.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "unknown";
    const resp = await fetch(`${baseUrl}/realtime/calls/${encodeURIComponent(callId)}/accept`, {
      method: "POST",
      headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, "Content-Type": "application/json" },
      body,
    });
    await resp.arrayBuffer();
    res.writeHead(200).end();
  });
}).listen(Number(process.env.PORT ?? 8000), "127.0.0.1");
