/** Test helper: a tiny HTTP server answering CometBFT's GET /status like a node would. */
import { createServer, type Server } from "node:http";

export const FAKE_STATUS = {
  jsonrpc: "2.0",
  id: -1,
  result: {
    node_info: { network: "agora-local-1", moniker: "val0", id: "abc" },
    sync_info: {
      latest_block_hash: "AA",
      latest_app_hash: "5F1C0DE5",
      latest_block_height: "42",
      latest_block_time: "2025-01-01T00:00:00Z",
      catching_up: false,
    },
  },
};

/** Starts the fake node; `/status` returns `body` (default FAKE_STATUS), anything else 404. */
export async function startFakeNode(body: unknown = FAKE_STATUS): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url !== "/status") return void res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
