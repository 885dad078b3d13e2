/**
 * Test helper: a tiny HTTP server answering like a CometBFT v0.38 node: GET /status, and JSON-RPC
 * `status` and `abci_query` (the latter from a handler standing in for the app).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";

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

/** /status with every field CosmJS's client checks, as `connectComet` reads it. */
const FULL_STATUS = {
  node_info: {
    ...FAKE_STATUS.result.node_info,
    id: "ab".repeat(20),
    listen_addr: "tcp://127.0.0.1:26656",
    version: "0.38.17",
    channels: "40202122233038606100",
    other: { tx_index: "on", rpc_address: "tcp://127.0.0.1:26657" },
    protocol_version: { p2p: "8", block: "11", app: "0" },
  },
  sync_info: FAKE_STATUS.result.sync_info,
  validator_info: {
    address: "CD".repeat(20),
    pub_key: { type: "tendermint/PubKeyEd25519", value: Buffer.alloc(32, 1).toString("base64") },
    voting_power: "10",
  },
};

/** What the app answers to one ABCI query: `value` on success, or a `code` with its `log`. */
export interface AbciAnswer {
  code?: number;
  codespace?: string;
  log?: string;
  value?: Uint8Array;
}

export type AbciHandler = (path: string, data: Uint8Array) => AbciAnswer;

/**
 * Starts the fake node; `/status` returns `body` (default FAKE_STATUS); with `abci`, JSON-RPC
 * posts are answered too (`status`, and `abci_query` by `abci`); anything else 404.
 */
export async function startFakeNode(body: unknown = FAKE_STATUS, abci?: AbciHandler): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method === "POST" && abci) {
      void readJson(req).then((call) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answerRpc(call, abci))));
      return;
    }
    if (req.url !== "/status") return void res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

interface RpcCall {
  id: number;
  method: string;
  params: { path?: string; data?: string };
}

function answerRpc(call: RpcCall, abci: AbciHandler): unknown {
  if (call.method === "status") return { jsonrpc: "2.0", id: call.id, result: FULL_STATUS };
  if (call.method !== "abci_query") return { jsonrpc: "2.0", id: call.id, error: { code: -32601, message: "Method not found" } };
  const answer = abci(call.params.path ?? "", Buffer.from(call.params.data ?? "", "hex"));
  const response = {
    code: answer.code ?? 0,
    codespace: answer.codespace ?? "",
    log: answer.log ?? "",
    info: "",
    index: "0",
    key: null,
    value: answer.value ? Buffer.from(answer.value).toString("base64") : null,
    proofOps: null,
    height: "42",
  };
  return { jsonrpc: "2.0", id: call.id, result: { response } };
}

async function readJson(req: IncomingMessage): Promise<RpcCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as RpcCall;
}
