import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { tempDirs } from "../../../test/support/temp-dirs.js";
import { DEV_MNEMONIC } from "../../../app/constants.js";
import { describeKey } from "../keys/derive.js";
import { readAppConfig } from "../node/home.js";
import { getTomlValue } from "../node/toml.js";

const newDir = tempDirs("agora-testnet-");
const main = join(dirname(fileURLToPath(import.meta.url)), "..", "main.js");

function agorad(...args: string[]) {
  const r = spawnSync(process.execPath, [main, ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const config = (dir: string, i: number) => readFileSync(join(dir, `node${i}`, "config", "config.toml"), "utf8");
const genesis = (dir: string, i: number) => readFileSync(join(dir, `node${i}`, "config", "genesis.json"), "utf8");

test("init-files writes four validator homes on the devnet's ports plus 10 per node, one shared genesis made from their four gentxs", async () => {
  const dir = newDir();
  const r = agorad("testnet", "init-files", "--validators", "4", "--output-dir", dir, "-o", "json");
  assert.equal(r.code, 0, r.stderr);
  const layout = JSON.parse(r.stdout) as { nodes: { name: string; ports: Record<string, number> }[] };
  assert.deepEqual(layout.nodes[0]!.ports, { p2p: 26656, rpc: 26657, abci: 26658, rest: 1317, grpc: 9090 });
  assert.deepEqual(layout.nodes[3]!.ports, { p2p: 26686, rpc: 26687, abci: 26688, rest: 1347, grpc: 9120 });

  for (let i = 0; i < 4; i++) {
    assert.equal(genesis(dir, i), genesis(dir, 0), `node${i} has the shared genesis`);
    assert.equal(getTomlValue(config(dir, i), "rpc", "laddr"), `tcp://127.0.0.1:${26657 + 10 * i}`);
    assert.equal(getTomlValue(config(dir, i), "", "proxy_app"), `tcp://127.0.0.1:${26658 + 10 * i}`);
    const app = readAppConfig(join(dir, `node${i}`));
    assert.equal(app["api.address"], `tcp://127.0.0.1:${1317 + 10 * i}`);
    assert.equal(app["grpc.address"], `127.0.0.1:${9090 + 10 * i}`);
    // Peers: the other three, by their p2p ports.
    const peers = getTomlValue(config(dir, i), "p2p", "persistent_peers")!.split(",");
    assert.deepEqual(peers.map((p) => Number(p.split(":")[1])).sort(), [0, 1, 2, 3].filter((j) => j !== i).map((j) => 26656 + 10 * j));
  }

  interface Gentx {
    body: { messages: { "@type": string; description: { moniker: string }; validator_address: string; pubkey: { key: string }; value: { amount: string } }[] };
  }
  const doc = JSON.parse(genesis(dir, 0)) as {
    validators: unknown[];
    app_state: { bank: { balances: { address: string; coins: { amount: string }[] }[] }; genutil: { gen_txs: Gentx[] } };
  };
  // The validators are staking validators made by their gentxs: CometBFT's list is empty, InitChain answers it.
  assert.deepEqual(doc.validators, []);
  const keys = [0, 1, 2, 3].map((i) => JSON.parse(readFileSync(join(dir, `node${i}`, "config", "priv_validator_key.json"), "utf8")) as { pub_key: { value: string } });
  assert.equal(new Set(keys.map((k) => k.pub_key.value)).size, 4, "each validator has its own key");
  const created = doc.app_state.genutil.gen_txs.map((tx) => tx.body.messages[0]!);
  assert.deepEqual(
    created.map((m) => [m["@type"], m.description.moniker, m.pubkey.key, m.value.amount]),
    keys.map((k, i) => ["/cosmos.staking.v1beta1.MsgCreateValidator", `node${i}`, k.pub_key.value, "10000000000"]),
  );
  for (let i = 0; i < 4; i++) {
    const own = JSON.parse(readFileSync(join(dir, `node${i}`, "config", "gentx", `gentx-${created[i]!.validator_address}.json`), "utf8")) as Gentx;
    assert.deepEqual(own, doc.app_state.genutil.gen_txs[i], `node${i}'s own gentx is the one collected`);
  }
  const validate = agorad("--home", join(dir, "node0"), "genesis", "validate");
  assert.equal(validate.code, 0, validate.stderr);
  assert.match(validate.stdout, /is a valid genesis with 4 validator\(s\)/);

  // Funded: the dev account and each validator's operator, whose mnemonic is beside its home.
  const funded = new Map(doc.app_state.bank.balances.map((b) => [b.address, b.coins[0]!.amount]));
  assert.equal(funded.get((await describeKey(DEV_MNEMONIC, "m/44'/118'/0'/0/0")).address), "1000000000000000");
  for (let i = 0; i < 4; i++) {
    const { secret } = JSON.parse(readFileSync(join(dir, `node${i}`, "key_seed.json"), "utf8")) as { secret: string };
    assert.equal(funded.get((await describeKey(secret, "m/44'/118'/0'/0/0")).address), "1000000000000");
  }
  assert.equal(funded.size, 5);
});

test("init-files refuses a directory holding a localnet, and a starting port that pushes a port out of range", () => {
  const dir = newDir();
  assert.equal(agorad("testnet", "init-files", "--validators", "1", "--output-dir", dir).code, 0);
  const again = agorad("testnet", "init-files", "--output-dir", dir);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already holds a localnet: remove it, or choose another --output-dir/);

  const other = newDir();
  const low = agorad("testnet", "init-files", "--output-dir", other, "--starting-port", "2000");
  assert.equal(low.code, 1);
  assert.match(low.stderr, /^Error: --starting-port 2000 puts node0's rest port at -23339, outside 1024\.\.65535/);
  assert.ok(!existsSync(join(other, "localnet.json")));
});

test("add-node writes a non-validating home on the next ports with the validators' genesis and peers", () => {
  const dir = newDir();
  assert.equal(agorad("testnet", "init-files", "--validators", "2", "--output-dir", dir, "--starting-port", "27000").code, 0);
  const r = agorad("testnet", "add-node", "--output-dir", dir, "-o", "json");
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).node, { name: "node2", ports: { p2p: 27020, rpc: 27021, abci: 27022, rest: 1681, grpc: 9454 }, validator: false });
  assert.equal(genesis(dir, 2), genesis(dir, 0));
  const peers = getTomlValue(config(dir, 2), "p2p", "persistent_peers")!.split(",");
  assert.deepEqual(peers.map((p) => p.split("@")[1]), ["127.0.0.1:27000", "127.0.0.1:27010"]);
  const gentxs = (JSON.parse(genesis(dir, 0)) as { app_state: { genutil: { gen_txs: { body: { messages: { description: { moniker: string } }[] } }[] } } }).app_state.genutil.gen_txs;
  assert.deepEqual(gentxs.map((tx) => tx.body.messages[0]!.description.moniker), ["node0", "node1"]);
});
