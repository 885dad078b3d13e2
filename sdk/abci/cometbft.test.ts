/**
 * End-to-end test against the real CometBFT v0.38 binary: a single-validator
 * node driven by AbciServer over TCP must produce blocks. This is the test
 * that proves the wire format, Flush handling and ordering match CometBFT.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as delay } from "node:timers/promises";
import { ExecTxResult, ResponseCheckTx, ResponseFinalizeBlock, ResponseInfo } from "cosmjs-types/tendermint/abci/types";
import { AbciServer } from "./server.js";
import { captureLogger, stubApplication } from "./testing.js";
import { freePort } from "../../test/support/ports.js";

// Compiled to dist/sdk/abci/, so the repository root is three levels up.
const COMETBFT = fileURLToPath(new URL("../../../bin/cometbft", import.meta.url));
const TARGET_HEIGHT = 3;
const TIMEOUT_MS = 60_000;


async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function latestHeight(rpcPort: number): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${rpcPort}/status`);
    const body = (await res.json()) as { result?: { sync_info?: { latest_block_height?: string } } };
    return Number(body.result?.sync_info?.latest_block_height ?? 0);
  } catch {
    return 0; // RPC not up yet
  }
}

test(`cometbft ${COMETBFT} produces ${TARGET_HEIGHT} blocks and commits a tx against AbciServer`, { timeout: TIMEOUT_MS + 15_000 }, async () => {
  assert.ok(existsSync(COMETBFT), `CometBFT binary not found at ${COMETBFT}: run \`make build\` first`);

  const home = mkdtempSync(join(tmpdir(), "agora-cometbft-"));
  execFileSync(COMETBFT, ["init", "--home", home], { stdio: "ignore" });
  // Short consensus timeouts so three blocks take well under a second each.
  const configPath = join(home, "config", "config.toml");
  const config = readFileSync(configPath, "utf8")
    .replace(/^timeout_commit = .*$/m, 'timeout_commit = "200ms"')
    .replace(/^timeout_propose = .*$/m, 'timeout_propose = "1s"');
  writeFileSync(configPath, config);

  const emptyHash = new Uint8Array(); // constant app hash: the app has no state
  const heights: bigint[] = [];
  const blockTxs: string[] = [];
  const { logger, records } = captureLogger();
  const server = new AbciServer(
    stubApplication({
      info: () => ResponseInfo.fromPartial({ lastBlockHeight: 0n, lastBlockAppHash: emptyHash }),
      initChain: () => ({ validators: [], appHash: emptyHash }),
      checkTx: () => ResponseCheckTx.fromPartial({ code: 0 }),
      finalizeBlock: (req) => {
        heights.push(req.height);
        blockTxs.push(...req.txs.map((tx) => Buffer.from(tx).toString()));
        return ResponseFinalizeBlock.fromPartial({ txResults: req.txs.map(() => ExecTxResult.fromPartial({})), appHash: emptyHash });
      },
      commit: () => ({ retainHeight: 0n }),
    }),
    logger,
  );
  await server.listen("tcp://127.0.0.1:0");

  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  let output = "";
  const node = spawn(COMETBFT, [
    "start",
    "--home", home,
    "--proxy_app", server.address,
    "--rpc.laddr", `tcp://127.0.0.1:${rpcPort}`,
    "--p2p.laddr", `tcp://127.0.0.1:${p2pPort}`,
    "--consensus.create_empty_blocks=true",
  ]);
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-8000);
  };
  node.stdout.on("data", keep);
  node.stderr.on("data", keep);

  try {
    const deadline = Date.now() + TIMEOUT_MS;
    let height = 0;
    while (height < TARGET_HEIGHT) {
      if (node.exitCode !== null) assert.fail(`cometbft exited with ${node.exitCode}:\n${output}`);
      if (Date.now() > deadline) assert.fail(`height ${height} < ${TARGET_HEIGHT} after ${TIMEOUT_MS} ms:\n${output}`);
      await delay(200);
      height = await latestHeight(rpcPort);
    }
    assert.deepEqual(heights.slice(0, TARGET_HEIGHT), [1n, 2n, 3n]);

    // A transaction goes through the mempool connection (CheckTx) and into a block.
    const res = await fetch(`http://127.0.0.1:${rpcPort}/broadcast_tx_commit?tx=0x${Buffer.from("agora-tx").toString("hex")}`);
    const body = (await res.json()) as { result?: { check_tx?: { code?: number }; tx_result?: { code?: number }; height?: string } };
    assert.equal(body.result?.check_tx?.code ?? 0, 0, JSON.stringify(body));
    assert.equal(body.result?.tx_result?.code ?? 0, 0, JSON.stringify(body));
    assert.ok(Number(body.result?.height) > 0, JSON.stringify(body));
    assert.deepEqual(blockTxs, ["agora-tx"]);

    const opened = records.filter((r) => r["msg"] === "ABCI connection opened").length;
    assert.equal(opened, 4, "consensus, mempool, query and snapshot connections");
    assert.deepEqual(records.filter((r) => Number(r["level"]) >= 50), [], "no errors logged");
  } finally {
    await stop(node);
    await server.close();
    rmSync(home, { recursive: true, force: true });
  }
});
