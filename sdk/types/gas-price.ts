/**
 * Gas prices as decimal coins ("0.0025uagora"), kept as integers scaled by 10^18 so the fee they
 * require is computed without floats.
 */
import { assertDenom } from "./coins.js";
import { ErrInvalidCoins } from "./sdk-errors.js";

const PRECISION = 18;
const SCALE = 10n ** BigInt(PRECISION);
const DEC_COIN = /^([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

export interface GasPrice {
  denom: string;
  /** Price per unit of gas, times 10^18. */
  scaled: bigint;
}

export function parseGasPrices(text: string): GasPrice[] {
  if (text.trim() === "") return [];
  return text.split(",").map((part) => {
    const m = DEC_COIN.exec(part.trim());
    if (!m) throw ErrInvalidCoins.wrap(`invalid gas price "${part.trim()}": expected e.g. 0.0025uagora`);
    const [whole, frac = ""] = m[1]!.split(".");
    if (frac.length > PRECISION) throw ErrInvalidCoins.wrap(`gas price "${part.trim()}" has more than ${PRECISION} decimals`);
    assertDenom(m[2]!);
    return { denom: m[2]!, scaled: BigInt(whole!) * SCALE + BigInt(frac.padEnd(PRECISION, "0")) };
  });
}

/** The fee a gas limit requires at this price, rounded up. */
export function requiredFee(price: GasPrice, gasLimit: bigint): bigint {
  return (price.scaled * gasLimit + SCALE - 1n) / SCALE;
}
