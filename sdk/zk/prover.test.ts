/**
 * Proving in the Go wasm, in its worker thread, with the real build (circuits/build): every
 * circuit's vector witness proves, the proof verifies through gnark-in-wasm and the TypeScript
 * verifier, and failures — unsatisfied witnesses, malformed input, a dead or stuck runtime — come
 * back as rejected promises with clear messages, never as a hang.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CIRCUITS, type CircuitName } from "./build-dir.js";
import { Groth16Verifier } from "./groth16-verifier.js";
import { verifyGroth16 } from "./groth16-verify.js";
import { nobleEngine } from "./pairing-noble.js";
import { ZkProver } from "./prover.js";
import { decodePublicWitness } from "./public-witness.js";
import { readKey, readVectors } from "./vectors.js";

interface CircuitProofs {
  witness: Record<string, unknown>;
  publicInputsList: string[];
  vk: string;
  proof: string;
  invalid: { what: string; expect: "error" | "false"; proof: string; publicWitness: string }[];
  /** Well-formed witnesses that break a constraint: proving must fail. */
  invalidWitnesses: { what: string; witness: Record<string, unknown> }[];
}
const vectors = () => readVectors("proofs") as Record<CircuitName, CircuitProofs> & { shieldWitness: Record<string, unknown> };
const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const noble = new Groth16Verifier(nobleEngine);

let zk: ZkProver;
before(async () => {
  zk = await ZkProver.open();
});
after(async () => {
  await zk?.close();
});

for (const circuit of CIRCUITS) {
  test(`${circuit}: the vector witness proves in wasm and verifies in gnark-in-wasm and in TypeScript`, async () => {
    const v = vectors()[circuit];
    const vk = readKey(circuit, "vk");
    const { proof, publicInputs } = await zk.prove(circuit, v.witness);
    assert.equal(proof.length, 164, "gnark's compressed proof: Ar | Bs | Krs | no commitments | infinity");
    assert.deepEqual(publicInputs.map(String), v.publicInputsList);
    assert.equal(await zk.verify(circuit, vk, publicInputs, proof), true, "gnark in wasm");
    assert.equal(verifyGroth16(vk, publicInputs, proof), true, "TypeScript, wasm pairing");
    assert.equal(noble.verify(vk, publicInputs, proof), true, "TypeScript, noble pairing");
    // A proof of this statement by native Go verifies in the wasm too (same keys, same formats).
    assert.equal(await zk.verify(circuit, vk, v.publicInputsList, hex(v.proof)), true, "Go's native proof");
  });

  test(`${circuit}: gnark-in-wasm rejects every soundness case Go lists`, async () => {
    const v = vectors()[circuit];
    const vk = readKey(circuit, "vk");
    for (const bad of v.invalid) {
      let got: string;
      try {
        got = String(await zk.verify(circuit, vk, decodePublicWitness(hex(bad.publicWitness)), hex(bad.proof)));
      } catch {
        got = "error";
      }
      assert.equal(got, bad.expect, bad.what);
    }
  });
}

test("spend: shielding (dummy inputs, a negative public balance) proves and verifies", async () => {
  const { proof, publicInputs } = await zk.prove("spend", vectors().shieldWitness);
  assert.equal(verifyGroth16(readKey("spend", "vk"), publicInputs, proof), true);
});

for (const circuit of CIRCUITS) {
  test(`${circuit}: every witness Go lists as unprovable is a rejected promise that says so`, async () => {
    const cases = vectors()[circuit].invalidWitnesses;
    assert.ok(cases.length > 0, "Go lists at least one");
    for (const bad of cases) {
      await assert.rejects(zk.prove(circuit, bad.witness), (e: Error) => e.message.includes(circuit), bad.what);
    }
  });
}

test("malformed witnesses and unknown circuits are clear errors", async () => {
  await assert.rejects(zk.prove("range", "{not json"), /witness JSON/);
  await assert.rejects(zk.prove("range", { ...vectors().range.witness, value: "-5" }), /value/);
  await assert.rejects(zk.prove("range", { ...vectors().range.witness, extra: "1" }), /unknown field/);
  await assert.rejects(zk.prove("sudoku" as CircuitName, {}), /unknown circuit "sudoku" \(known: range, spend, vote, identity\)/);
  await assert.rejects(zk.verify("range", new Uint8Array(3), ["1"], new Uint8Array(164)), /verifying key/);
  await assert.rejects(zk.verify("range", readKey("range", "vk"), ["not a number"], new Uint8Array(164)), /public input 0 must be a field element/);
});

test("requests in flight at once each get their own answer", async () => {
  const w = vectors().range.witness;
  const results = await Promise.all([zk.prove("range", w), zk.prove("range", w), zk.prove("range", w)]);
  const vk = readKey("range", "vk");
  for (const r of results) assert.equal(verifyGroth16(vk, r.publicInputs, r.proof), true);
  assert.equal(new Set(results.map((r) => Buffer.from(r.proof).toString("hex"))).size, 3, "proofs are randomized");
});

test("proving does not block the caller's event loop", async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 20);
  try {
    await zk.prove("vote", vectors().vote.witness);
  } finally {
    clearInterval(timer);
  }
  assert.ok(ticks >= 5, `the event loop ran ${ticks} times during the proof`);
});

test("a stuck runtime is abandoned: the request rejects and a fresh worker serves the next", async () => {
  const impatient = await ZkProver.open(undefined, { proveTimeoutMs: 30 });
  try {
    await assert.rejects(impatient.prove("spend", vectors().spend.witness), /prove timed out after 30 ms\); the prover restarted it, retry the request/);
    await impatient.load("range"); // served by the new worker
  } finally {
    await impatient.close();
  }
  await assert.rejects(impatient.prove("range", vectors().range.witness), /closed/);
});

test("without a build, opening the prover says to run `make circuits`", async () => {
  const empty = mkdtempSync(join(tmpdir(), "agora-zk-"));
  await assert.rejects(ZkProver.open(empty), /zk\.wasm is missing: run `make circuits`/);
  rmSync(empty, { recursive: true });
});
