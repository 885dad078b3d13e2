/** The circuit breaker's state: the set of paused message type URLs. */
import { stringKey, presenceValue } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import { CIRCUIT_STORE, ErrMsgPaused } from "./types.js";


export class CircuitKeeper {
  private readonly schema = new Schema(CIRCUIT_STORE);
  readonly disabled = this.schema.map(0x01, "disabled_list", stringKey, presenceValue);

  isAllowed(ctx: StoreSource, typeUrl: string): boolean {
    return !this.disabled.has(ctx, typeUrl);
  }

  /** The admission check every message passes (MsgRouter.addAdmission). */
  assertAllowed(ctx: StoreSource, typeUrl: string): void {
    if (this.isAllowed(ctx, typeUrl)) return;
    throw ErrMsgPaused.wrap(`${typeUrl} is paused by the circuit breaker; the governance authority or a holder of the pauser role's admin role can resume it with /cosmos.circuit.v1.MsgResetCircuitBreaker`);
  }

  pause(ctx: StoreSource, typeUrl: string): void {
    this.disabled.set(ctx, typeUrl, true);
  }

  resume(ctx: StoreSource, typeUrl: string): void {
    this.disabled.delete(ctx, typeUrl);
  }

  /** Paused type URLs, sorted. */
  disabledList(ctx: StoreSource): string[] {
    return [...this.disabled.entries(ctx)].map(([typeUrl]) => typeUrl);
  }
}
