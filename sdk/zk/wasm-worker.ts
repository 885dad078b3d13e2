/**
 * Worker thread that runs circuits/build/zk.wasm (the Go prover and verifier) under Go's own
 * wasm_exec.js glue, so proving (seconds of CPU) never blocks the caller's event loop. It answers
 * requests one at a time (the Go runtime is single-threaded in wasm) and reports anything that
 * leaves the runtime unusable — the Go program exiting, a wasm trap — as a "fatal" message, after
 * which the prover (prover.ts) replaces this worker.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import { buildFiles, requireBuilt, type CircuitName } from "./build-dir.js";
import type { ProveResult, Reply, Request, WorkerConfig } from "./wasm-protocol.js";
import { agoraZkApi, type AgoraZk } from "./wasm-api.js";

if (parentPort === null) throw new Error("wasm-worker.js runs as a worker thread: use ZkProver from prover.js");
const port = parentPort;
const config = workerData as WorkerConfig;
const send = (reply: Reply) => port.postMessage(reply);

/** Routes the Go program's stdout and stderr to the parent, a line at a time. */
function captureGoOutput(): void {
  const pending = { 1: "", 2: "" } as Record<number, string>;
  const decoder = new TextDecoder();
  const fs = (globalThis as unknown as { fs: { writeSync(fd: number, buf: Uint8Array): number } }).fs;
  fs.writeSync = (fd, buf) => {
    const key = fd === 2 ? 2 : 1;
    const text = pending[key] + decoder.decode(buf);
    const lines = text.split("\n");
    pending[key] = lines.pop()!;
    for (const line of lines) send({ type: "log", stream: key === 2 ? "stderr" : "stdout", line });
    return buf.length;
  };
}

/** The parts of the WebAssembly global used here (the project's lib settings do not declare it). */
interface WasmGlobal {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: object }>;
  RuntimeError: new () => Error;
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;

interface GoInstance {
  importObject: object;
  exited: boolean;
  exit: (code: number) => void;
  run(instance: object): Promise<void>;
}

let fatal = false;
function die(message: string): void {
  if (fatal) return;
  fatal = true;
  send({ type: "fatal", message });
}

async function startGo(): Promise<AgoraZk> {
  // wasm_exec.js is a classic script that defines globalThis.Go (and a stub globalThis.fs).
  createRequire(import.meta.url)(config.wasmExecPath);
  captureGoOutput();
  const Go = (globalThis as unknown as { Go: new () => GoInstance }).Go;
  const go = new Go();
  go.exit = (code) => die(`the Go wasm runtime exited with code ${code}`);
  const { instance } = await Wasm.instantiate(readFileSync(config.wasmPath), go.importObject);
  go.run(instance).then(
    () => die("the Go wasm runtime stopped"),
    (err: unknown) => die(`the Go wasm runtime crashed: ${String(err)}`),
  );
  // main() registers agoraZk before it first blocks, i.e. before run()'s first await returns.
  await new Promise((r) => setImmediate(r));
  return agoraZkApi((globalThis as { agoraZk?: unknown }).agoraZk);
}

const loaded = new Set<CircuitName>();
async function ensureLoaded(zk: AgoraZk, circuit: CircuitName): Promise<void> {
  if (loaded.has(circuit)) return;
  const read = (path: string) => new Uint8Array(readFileSync(requireBuilt(path)));
  const d = config.buildDir;
  await zk.load(circuit, read(buildFiles.ccs(d, circuit)), read(buildFiles.pk(d, circuit)));
  loaded.add(circuit);
}

async function handle(zk: AgoraZk, req: Request): Promise<ProveResult | boolean | null> {
  switch (req.op) {
    case "load":
      await ensureLoaded(zk, req.circuit);
      return null;
    case "prove":
      await ensureLoaded(zk, req.circuit);
      return zk.prove(req.circuit, req.witnessJson);
    case "verify":
      return zk.verify(req.circuit, req.vk, req.publicWitness, req.proof);
  }
}

/** A wasm trap or a call into an exited runtime: no later call can be trusted. */
function isRuntimeFailure(err: unknown): boolean {
  return err instanceof Wasm.RuntimeError || (err instanceof Error && /Go program has already exited/.test(err.message));
}

const zk = await startGo().catch((err: unknown) => {
  die(`could not start ${config.wasmPath}: ${err instanceof Error ? err.message : String(err)}`);
  return null;
});

if (zk !== null && !fatal) {
  // One request at a time, in arrival order: the Go runtime is one thread.
  let queue = Promise.resolve();
  port.on("message", (req: Request) => {
    queue = queue.then(async () => {
      if (fatal) return;
      try {
        send({ type: "result", id: req.id, ok: true, value: await handle(zk, req) });
      } catch (err) {
        if (isRuntimeFailure(err)) die(`the Go wasm runtime failed during ${req.op}: ${(err as Error).message}`);
        else send({ type: "result", id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) });
      }
    });
  });
  send({ type: "ready" });
}
