/**
 * ZkProver: proving and verifying with the Go circuits (circuits/build/zk.wasm) from TypeScript,
 * in a worker thread so that seconds of proving never block the caller.
 *
 *   const zk = await ZkProver.open();
 *   const { proof, publicInputs } = await zk.prove("spend", witness);
 *   await zk.verify("spend", vk, publicInputs, proof); // gnark's verifier, in the worker
 *   verifyGroth16(vk, publicInputs, proof);             // the same check, synchronous (groth16-verify.ts)
 *   await zk.close();
 *
 * Every request gets an id and settles exactly once: with its result, with the Go side's error,
 * or — if the Go runtime dies or a request outlives its timeout — with an error saying so, after
 * which a fresh worker takes over for later requests.
 */
import { Worker } from "node:worker_threads";
import { assertCircuitName, buildFiles, defaultBuildDir, requireBuilt, type CircuitName } from "./build-dir.js";
import { parseFr } from "./field.js";
import { decodePublicWitness, encodePublicWitness } from "./public-witness.js";
import type { ProveResult, Reply, Request, WorkerConfig } from "./wasm-protocol.js";

export interface ZkProverOptions {
  /** A proof taking longer than this is abandoned and the worker restarted (default 10 minutes). */
  proveTimeoutMs?: number;
  /** Verification and key loading (default 2 minutes). */
  otherTimeoutMs?: number;
  /** The Go program's output; by default stdout is dropped and stderr goes to process.stderr. */
  onLog?: (stream: "stdout" | "stderr", line: string) => void;
}

/** A witness as JSON text or as an object whose field elements are decimal strings or bigints. */
export type Witness = string | Record<string, unknown>;

export interface ProofWithInputs {
  proof: Uint8Array;
  publicInputs: bigint[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type RequestBody = DistributiveOmit<Request, "id">;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class ZkProver {
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly config: WorkerConfig,
    private readonly options: ZkProverOptions,
  ) {}

  /** Starts the worker and the Go runtime; fails with "run `make circuits`" if the build is missing. */
  static async open(buildDir: string = defaultBuildDir(), options: ZkProverOptions = {}): Promise<ZkProver> {
    // wasm_exec.js is the copy `make circuits` took from the Go that built zk.wasm: they must match.
    const config: WorkerConfig = {
      buildDir,
      wasmPath: requireBuilt(buildFiles.wasm(buildDir)),
      wasmExecPath: requireBuilt(buildFiles.wasmExec(buildDir)),
    };
    const prover = new ZkProver(config, options);
    await prover.ensureWorker();
    return prover;
  }

  /** Proves `circuit` for a full witness; the proof is gnark's compressed encoding. */
  async prove(circuit: CircuitName, witness: Witness): Promise<ProofWithInputs> {
    assertCircuitName(circuit);
    const witnessJson = typeof witness === "string" ? witness : JSON.stringify(witness, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    if (typeof witnessJson !== "string") throw new TypeError("the witness must be a JSON string or an object");
    const r = (await this.request({ op: "prove", circuit, witnessJson }, this.options.proveTimeoutMs ?? 600_000)) as ProveResult;
    return { proof: r.proof, publicInputs: decodePublicWitness(r.publicWitness) };
  }

  /** Loads a circuit's constraint system and keys now rather than on its first proof. */
  async load(circuit: CircuitName): Promise<void> {
    assertCircuitName(circuit);
    await this.request({ op: "load", circuit }, this.options.otherTimeoutMs ?? 120_000);
  }

  /** gnark's own verifier, in the worker. Malformed input rejects; a wrong proof resolves false. */
  async verify(circuit: CircuitName, vk: Uint8Array, publicInputs: readonly (bigint | string)[], proof: Uint8Array): Promise<boolean> {
    assertCircuitName(circuit);
    if (!(vk instanceof Uint8Array) || !(proof instanceof Uint8Array)) throw new TypeError("the verifying key and the proof must be Uint8Arrays");
    if (!Array.isArray(publicInputs)) throw new TypeError("publicInputs must be an array of field elements");
    const publicWitness = encodePublicWitness(publicInputs.map((x, i) => parseFr(x, `public input ${i}`)));
    return (await this.request({ op: "verify", circuit, vk, publicWitness, proof }, this.options.otherTimeoutMs ?? 120_000)) as boolean;
  }

  /** Stops the worker; pending requests reject. */
  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error("the ZkProver was closed"));
    const w = this.worker ?? (await this.starting?.catch(() => null));
    this.worker = null;
    this.starting = null;
    await w?.terminate();
  }

  private async request(body: RequestBody, timeoutMs: number): Promise<unknown> {
    const worker = await this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.crash(worker, `${body.op} timed out after ${timeoutMs} ms`), timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref(); // keep the process alive while a request is out
      worker.postMessage({ ...body, id } as Request);
    });
  }

  private ensureWorker(): Promise<Worker> {
    if (this.closed) return Promise.reject(new Error("the ZkProver is closed"));
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= this.spawn().then(
      (w) => {
        this.worker = w;
        this.starting = null;
        return w;
      },
      (err: unknown) => {
        this.starting = null;
        throw err;
      },
    );
    return this.starting;
  }

  private spawn(): Promise<Worker> {
    const worker = new Worker(new URL("./wasm-worker.js", import.meta.url), { workerData: this.config });
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on("message", (msg: Reply) => {
        if (msg.type === "ready") {
          ready = true;
          worker.unref(); // an idle prover does not keep the process alive
          resolve(worker);
        } else if (msg.type === "fatal") {
          if (!ready) reject(new Error(`could not start the Go wasm runtime: ${msg.message}`));
          this.crash(worker, msg.message);
        } else if (msg.type === "log") {
          if (this.options.onLog) this.options.onLog(msg.stream, msg.line);
          else if (msg.stream === "stderr") process.stderr.write(`[zk.wasm] ${msg.line}\n`);
        } else {
          this.settle(msg.id, msg.ok ? { value: msg.value } : { error: new Error(msg.message) });
        }
      });
      worker.on("error", (err) => {
        if (!ready) reject(new Error(`could not start the Go wasm worker: ${err.message}`));
        this.crash(worker, err.message);
      });
      worker.on("exit", (code) => {
        if (!ready) reject(new Error(`the Go wasm worker exited with code ${code} before it was ready`));
        this.crash(worker, `the worker exited with code ${code}`);
      });
    });
  }

  private settle(id: number, outcome: { value: unknown } | { error: Error }): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if ("error" in outcome) p.reject(outcome.error);
    else p.resolve(outcome.value);
  }

  /** The worker is unusable: fail what it held, drop it and start another for later requests. */
  private crash(worker: Worker, why: string): void {
    if (this.worker !== worker) {
      void worker.terminate(); // one that never became ready, or already replaced
      return;
    }
    this.worker = null;
    void worker.terminate();
    this.failAll(new Error(`the Go wasm runtime failed (${why}); the prover restarted it, retry the request`));
    if (!this.closed) this.ensureWorker().catch(() => undefined); // errors surface on the next request
  }

  private failAll(err: Error): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { error: err });
  }
}
