/**
 * The context a keeper works in: the block it runs in, the store branch it writes to, the gas
 * it may spend and the events it emits. Keepers are synchronous over it.
 */
import type { CommitInfo, Misbehavior } from "cosmjs-types/tendermint/abci/types";
import type { Logger } from "pino";
import { GasStore } from "../store/gas-store.js";
import type { KVStore, MultiStore } from "../store/types.js";
import { EventManager } from "./events.js";
import { GasMeter } from "./gas.js";

export type ExecMode = "check" | "recheck" | "simulate" | "finalize" | "genesis" | "query";

export interface BlockInfo {
  chainId: string;
  height: bigint;
  /** Block time from the header, in seconds and nanoseconds: the only clock keepers may read. */
  time: { seconds: bigint; nanos: number };
  /** FinalizeBlock's decided_last_commit: who signed the previous block, with what power (slashing, distribution). */
  lastCommit?: CommitInfo;
  /** FinalizeBlock's misbehavior: evidence of double signing this block commits (evidence). */
  misbehavior?: Misbehavior[];
}

export class Context {
  readonly events = new EventManager();

  constructor(
    readonly block: BlockInfo,
    readonly multiStore: MultiStore,
    readonly gasMeter: GasMeter,
    readonly mode: ExecMode,
    readonly logger: Logger,
  ) {}

  get chainId(): string {
    return this.block.chainId;
  }

  get height(): bigint {
    return this.block.height;
  }

  get isCheckTx(): boolean {
    return this.mode === "check" || this.mode === "recheck";
  }

  get isSimulate(): boolean {
    return this.mode === "simulate";
  }

  /** A module's store, metered by this context's gas meter. */
  kvStore(name: string): KVStore {
    return new GasStore(this.multiStore.getKVStore(name), this.gasMeter);
  }

  /** The same block and mode over another store branch and gas meter. */
  withStore(multiStore: MultiStore, gasMeter: GasMeter = this.gasMeter): Context {
    return new Context(this.block, multiStore, gasMeter, this.mode, this.logger);
  }
}
