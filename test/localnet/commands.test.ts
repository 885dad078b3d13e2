/**
 * The operator's commands over a localnet: `agorad testnet start` in the foreground until
 * SIGTERM, the node script acting on one node, `agorad testnet stop` for a localnet left running.
 */
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { checkChain } from "../support/chain-check.js";
import { agoradCli } from "../support/devnet.js";
import { Localnet } from "../support/localnet.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const run = promisify(execFile);
let net: Localnet;

before(async () => {
  net = await Localnet.create();
});

after(async () => {
  await net?.destroy();
});

/** scripts/localnet-node.sh on this localnet; returns its output line. */
async function nodeScript(...args: string[]): Promise<string> {
  const { stdout } = await run(join(root, "scripts", "localnet-node.sh"), args, { env: { ...process.env, AGORA_LOCALNET: net.dir } });
  return stdout.trim();
}

test("agorad testnet start runs every node in the foreground; SIGTERM stops every one, also one the node script restarted", async () => {
  const foreground = spawn(process.execPath, [join(root, "dist", "cmd", "agorad", "main.js"), "testnet", "start", "--output-dir", net.dir], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  foreground.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  foreground.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => foreground.once("exit", (code) => resolve(code)));
  try {
    for (let i = 0; i < 4; i++) await net.waitForHeight(i, 3);
    assert.match(output, /^node3 +\d+ +\d+ +\d+ +\d+ +\d+ +validator$/m);

    assert.equal(await nodeScript("pause", "2"), "node2: pause app and comet");
    assert.equal(await nodeScript("resume", "2"), "node2: resume app and comet");
    assert.equal(await nodeScript("restart", "2"), "node2: restart app and comet");
    await net.waitForHeight(2, (await net.height(0)) + 1);
    await checkChain(net);

    foreground.kill("SIGTERM");
    assert.equal(await exited, 0, output);
    assert.deepEqual(net.running(), [], "no node process is left");
    assert.equal(await net.height(0), 0, "node0's RPC no longer answers");
  } finally {
    foreground.kill("SIGKILL");
  }
});

test("agorad testnet stop stops a localnet left running", async () => {
  await net.start();
  const out = await agoradCli(net.dir, ["testnet", "stop", "--output-dir", net.dir]);
  assert.equal(out.trim(), "stopped node0, node1, node2, node3");
  assert.deepEqual(net.running(), []);
  assert.equal((await agoradCli(net.dir, ["testnet", "stop", "--output-dir", net.dir])).trim(), "no node was running");
});
