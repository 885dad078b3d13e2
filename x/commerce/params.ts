/** Commerce params: defaults and validation (the marketplace fee is a LegacyDec string). */
import type { Params } from "../../generated/proto/agora/commerce/v1/commerce.js";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { DEC_ONE, formatDec, parseDec } from "../../sdk/types/dec.js";

/** 1% fee, release a week after shipping, a two-day appeal window. */
export function defaultCommerceParams(): Params {
  return {
    marketplaceFee: "0.010000000000000000",
    releaseTimeoutSeconds: 7n * 24n * 3600n,
    appealWindowSeconds: 2n * 24n * 3600n,
    maxReviewLength: 1000,
    maxTextLength: 256,
  };
}

/** The fee as 10^-18 units; throws naming the param when it is not a fraction in [0, 1). */
export function marketplaceFee(p: Params): bigint {
  const fee = parseDec(p.marketplaceFee, "marketplace_fee");
  if (fee >= DEC_ONE) throw ErrInvalidRequest.wrap(`marketplace_fee must be in [0, 1), got ${formatDec(fee)}`);
  return fee;
}

/** Throws a clear error naming the first param out of range. */
export function validateParams(p: Params | undefined): asserts p is Params {
  if (!p) throw ErrInvalidRequest.wrap("params are missing");
  marketplaceFee(p);
  if (p.releaseTimeoutSeconds <= 0n) throw ErrInvalidRequest.wrap("release_timeout_seconds must be positive");
  if (p.maxReviewLength <= 0) throw ErrInvalidRequest.wrap("max_review_length must be positive");
  if (p.maxTextLength <= 0) throw ErrInvalidRequest.wrap("max_text_length must be positive");
}
