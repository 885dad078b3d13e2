/** A KV store that charges a gas meter for every access, with the Cosmos SDK's costs. */
import { KV_GAS, type GasMeter } from "../types/gas.js";
import type { KVStore } from "./types.js";

export class GasStore implements KVStore {
  constructor(
    private readonly parent: KVStore,
    private readonly meter: GasMeter,
  ) {}

  get(key: Uint8Array): Uint8Array | undefined {
    this.meter.consume(KV_GAS.readCostFlat, "ReadFlat");
    const value = this.parent.get(key);
    this.meter.consume(KV_GAS.readCostPerByte * (key.length + (value?.length ?? 0)), "ReadPerByte");
    return value;
  }

  has(key: Uint8Array): boolean {
    this.meter.consume(KV_GAS.hasCost, "Has");
    return this.parent.has(key);
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.meter.consume(KV_GAS.writeCostFlat, "WriteFlat");
    this.meter.consume(KV_GAS.writeCostPerByte * (key.length + value.length), "WritePerByte");
    this.parent.set(key, value);
  }

  delete(key: Uint8Array): void {
    this.meter.consume(KV_GAS.deleteCost, "Delete");
    this.parent.delete(key);
  }

  *iterator(start?: Uint8Array, end?: Uint8Array, reverse = false): Generator<[Uint8Array, Uint8Array]> {
    for (const [key, value] of this.parent.iterator(start, end, reverse)) {
      this.meter.consume(KV_GAS.iterNextCostFlat, "IterNext");
      this.meter.consume(KV_GAS.readCostPerByte * (key.length + value.length), "ValuePerByte");
      yield [key, value];
    }
  }
}
