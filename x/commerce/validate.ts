/** Stateless checks of commerce messages, and the text limits read from params. */
import type { Coin, Params } from "../../generated/proto/agora/commerce/v1/commerce.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { assertDenom, parseAmount } from "../../sdk/types/coins.js";
import { ErrInvalidCoins, ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { ErrInvalidRating, ErrTextTooLong } from "./types.js";

/** No text field may exceed this, whatever the params say: it bounds a tx before state is read. */
export const HARD_TEXT_LIMIT = 10_000;

export const address = (text: string): void => void fromAccAddress(text);

export function positiveId(id: bigint, what: string): void {
  if (id <= 0n) throw ErrInvalidRequest.wrap(`${what} must be positive, got ${id}`);
}

export function positivePrice(price: Coin | undefined): Coin {
  if (!price) throw ErrInvalidCoins.wrap("price is missing: expected e.g. 5000000uagora");
  assertDenom(price.denom);
  if (parseAmount(price.amount) <= 0n) throw ErrInvalidCoins.wrap(`price must be positive, got ${price.amount}${price.denom}`);
  return price;
}

export function text(value: string, what: string, max = HARD_TEXT_LIMIT): void {
  const bytes = Buffer.byteLength(value, "utf8");
  if (bytes > max) throw ErrTextTooLong.wrap(`${what} is ${bytes} bytes, at most ${max} allowed`);
}

/** Every short text of a message against the params' max_text_length. */
export function texts(params: Params, fields: Record<string, string>): void {
  for (const [what, value] of Object.entries(fields)) text(value, what, params.maxTextLength);
}

export function nonEmpty(value: string, what: string): void {
  if (value.trim() === "") throw ErrInvalidRequest.wrap(`${what} must not be empty`);
}

export function rating(value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw ErrInvalidRating.wrap(`got ${value}`);
}

/** A hex content hash of 32 to 128 digits (SHA-256 and up), or none. */
export function contentHash(value: string): void {
  if (value !== "" && !/^[0-9a-f]{32,128}$/.test(value)) throw ErrInvalidRequest.wrap(`description_hash must be lowercase hex of 32 to 128 digits, got "${value.slice(0, 40)}"`);
}
