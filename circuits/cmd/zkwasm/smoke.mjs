// Smoke test and timing of build/zk.wasm under Node (>= 18):
//   node cmd/zkwasm/smoke.mjs [buildDir] [circuit...]
// Loads the module, proves each circuit's vector witness with the dev keys, verifies, and
// checks that invalid variants are rejected and that invalid witnesses do not prove. Prints one
// JSON line per circuit.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import path from "node:path";

const build = process.argv[2] ?? "build";
const only = process.argv.slice(3);
const goroot = execFileSync("go", ["env", "GOROOT"]).toString().trim();
createRequire(import.meta.url)(path.join(goroot, "lib/wasm/wasm_exec.js")); // defines globalThis.Go

const go = new Go();
const t0 = performance.now();
const { instance } = await WebAssembly.instantiate(readFileSync(path.join(build, "zk.wasm")), go.importObject);
go.run(instance); // not awaited: the Go program blocks in select{} and keeps agoraZk alive
const zk = globalThis.agoraZk;
const tLoad = performance.now() - t0;
if (!zk) throw new Error("agoraZk not set");

const vectors = JSON.parse(readFileSync(path.join(build, "vectors/proofs.json"), "utf8"));
const hex = (s) => Uint8Array.from(Buffer.from(s, "hex"));
let failures = 0;
for (const name of [...(only.length ? only : zk.circuits), ...(process.env.REPEAT ? (only.length ? only : zk.circuits) : [])]) {
  const v = vectors[name];
  const ccs = readFileSync(path.join(build, "keys", name + ".ccs"));
  const pk = readFileSync(path.join(build, "keys", name + ".pk"));
  const vk = readFileSync(path.join(build, "keys", name + ".vk"));
  let t = performance.now();
  zk.load(name, new Uint8Array(ccs), new Uint8Array(pk));
  const loadMs = performance.now() - t;
  t = performance.now();
  const { proof, publicWitness } = zk.prove(name, JSON.stringify(v.witness));
  const proveMs = performance.now() - t;
  t = performance.now();
  const ok = zk.verify(name, new Uint8Array(vk), publicWitness, proof);
  const verifyMs = performance.now() - t;
  const okJson = zk.verify(name, new Uint8Array(vk), JSON.stringify(v.publicInputs), proof);
  const okVector = zk.verify(name, hex(v.vk), hex(v.publicWitness), hex(v.proof));
  if (!ok || !okJson || !okVector) { failures++; console.error(name, "valid proof rejected", ok, okJson, okVector); }
  for (const bad of v.invalid) {
    let got;
    try { got = zk.verify(name, hex(v.vk), hex(bad.publicWitness), hex(bad.proof)) ? "true" : "false"; }
    catch (e) { got = "error"; }
    if (got !== bad.expect) { failures++; console.error(name, bad.what, "expected", bad.expect, "got", got); }
  }
  for (const bad of v.invalidWitnesses ?? []) {
    let threw = false;
    try { zk.prove(name, JSON.stringify(bad.witness)); } catch (e) { threw = e instanceof Error; }
    if (!threw) { failures++; console.error(name, "invalid witness proved:", bad.what); }
  }
  const mem = process.memoryUsage();
  console.log(JSON.stringify({ circuit: name, wasmInstantiateMs: Math.round(tLoad), loadMs: Math.round(loadMs),
    proveMs: Math.round(proveMs), verifyMs: +verifyMs.toFixed(1), proofBytes: proof.length,
    rssMiB: Math.round(mem.rss / 2 ** 20) }));
}
// errors are thrown, not crashes
for (const bad of [() => zk.prove("nope", "{}"), () => zk.prove("range", "{"), () => zk.verify("range", new Uint8Array(3), "{}", new Uint8Array(3)),
  () => zk.load("range", new Uint8Array(10), new Uint8Array(10)), () => zk.hash(["-1"])]) {
  try { bad(); failures++; console.error("no error for", bad.toString()); } catch (e) { if (!(e instanceof Error)) failures++; }
}
if (zk.hash(["1", "2"]) !== JSON.parse(readFileSync(path.join(build, "vectors/hash.json"), "utf8")).hash[4].output) { failures++; console.error("hash mismatch"); }
console.log(failures === 0 ? "wasm smoke: ok" : `wasm smoke: ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
