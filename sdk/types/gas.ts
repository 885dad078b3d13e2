/** Deterministic gas: integer units, consumed in a fixed order, out of gas at the limit. */
import { ErrOutOfGas } from "./sdk-errors.js";

export class GasMeter {
  private used = 0;
  constructor(readonly limit: number = Number.MAX_SAFE_INTEGER) {}

  get consumed(): number {
    return this.used;
  }

  consume(amount: number, descriptor: string): void {
    this.used += amount;
    if (this.used > this.limit) {
      throw ErrOutOfGas.wrap(`out of gas in location: ${descriptor}; gasWanted: ${this.limit}, gasUsed: ${this.used}`);
    }
  }
}

/** The KV store costs of the Cosmos SDK's default gas config, so gas estimates read alike. */
export const KV_GAS = {
  hasCost: 1000,
  deleteCost: 1000,
  readCostFlat: 1000,
  readCostPerByte: 3,
  writeCostFlat: 2000,
  writeCostPerByte: 30,
  iterNextCostFlat: 30,
} as const;
