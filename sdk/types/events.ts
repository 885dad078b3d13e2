/** Typed events with string attributes, as CometBFT v0.38 indexes them. */
import type { Event } from "cosmjs-types/tendermint/abci/types";

export type { Event };

export function event(type: string, attributes: Record<string, string>): Event {
  return {
    type,
    attributes: Object.entries(attributes).map(([key, value]) => {
      if (key === "") throw new Error(`event ${type} has an attribute with an empty key`);
      return { key, value, index: true };
    }),
  };
}

/** Collects the events a tx or block emits, in emission order. */
export class EventManager {
  readonly events: Event[] = [];

  emit(type: string, attributes: Record<string, string>): void {
    this.events.push(event(type, attributes));
  }

  emitAll(events: readonly Event[]): void {
    this.events.push(...events);
  }
}
