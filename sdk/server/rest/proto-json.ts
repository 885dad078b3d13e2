/**
 * Proto3 JSON as the Cosmos SDK's grpc-gateway writes it (gogoproto jsonpb with `OrigName`,
 * `EmitDefaults` and the interface registry as its Any resolver): snake_case field names, every
 * field present (unset messages as null), 64-bit integers as strings, bytes as base64, and an Any
 * as `{"@type": url, ...fields of the packed message}`.
 */
import { BaseAccount, ModuleAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { PubKey as Secp256k1PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { proposalStatusToJSON, voteOptionToJSON } from "cosmjs-types/cosmos/gov/v1/gov";
import { bondStatusToJSON } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { signModeToJSON } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { Tx } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { blockIDFlagToJSON } from "cosmjs-types/tendermint/types/validator";
import { COMMERCE_ENUM_FIELDS } from "./commerce-enums.js";
import type { MessageType, TypeRegistry } from "../../codec/registry.js";
import { durationToJson, timestampToRfc3339 } from "../../codec/time-json.js";
import { formatDec } from "../../types/dec.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Finds the codec of a packed message by its type URL. */
export type AnyResolver = (typeUrl: string) => Pick<MessageType, "decode"> | undefined;

// Types that travel inside Anys of query answers (accounts, keys) but are no Msg of the registry.
const WELL_KNOWN: Pick<MessageType, "typeUrl" | "decode">[] = [BaseAccount, ModuleAccount, Secp256k1PubKey, Ed25519PubKey, Tx];

// ts-proto keeps enums as numbers; jsonpb writes their names. The enum fields of the messages served.
const ENUM_FIELDS: Record<string, ((value: number) => string) | undefined> = {
  mode: signModeToJSON,
  blockIdFlag: blockIDFlagToJSON,
  status: proposalStatusToJSON,
  option: voteOptionToJSON,
  ...COMMERCE_ENUM_FIELDS,
};

// google.protobuf.Timestamp and Duration fields of the messages served: jsonpb writes the first as
// RFC 3339 and the second as "<seconds>s". ts-proto gives both as {seconds, nanos}, so they go by name.
const TIMESTAMP_FIELDS = new Set(["time", "timestamp", "submitTime", "depositEndTime", "votingStartTime", "votingEndTime"]);
const DURATION_FIELDS = new Set(["maxDepositPeriod", "votingPeriod", "expeditedVotingPeriod"]);
TIMESTAMP_FIELDS.add("updateTime").add("completionTime").add("unbondingTime").add("jailedUntil");
DURATION_FIELDS.add("downtimeJailDuration");

// LegacyDec fields of x/staking (gogoproto customtype): protobuf carries their integer of 10^-18
// units, jsonpb the decimal text ("0.100000000000000000").
export const LEGACY_DEC_FIELDS = new Set(["delegatorShares", "rate", "maxRate", "maxChangeRate", "shares", "sharesDst", "minCommissionRate", "commissionRate"]);
// x/distribution's: its params and slash fractions.
for (const key of ["communityTax", "baseProposerReward", "bonusProposerReward", "fraction"]) LEGACY_DEC_FIELDS.add(key);

// Fields of x/distribution holding DecCoins, whose amounts are LegacyDec too (a Coin's are integers).
const DEC_COINS_FIELDS = new Set(["rewards", "commission", "pool", "selfBondRewards", "total", "reward", "cumulativeRewardRatio"]);

function isDecCoins(value: unknown): value is { denom: string; amount: string }[] {
  return Array.isArray(value) && value.every((c) => typeof c === "object" && c !== null && Object.keys(c).length === 2 && typeof c.denom === "string" && typeof c.amount === "string" && /^\d+$/.test(c.amount));
}

// LegacyDec fields of x/slashing's params are `bytes` holding the units as ASCII digits.
const LEGACY_DEC_BYTES_FIELDS = new Set(["minSignedPerWindow", "slashFractionDoubleSign", "slashFractionDowntime"]);

/** A LegacyDec's wire units ("1000000000000000000") as jsonpb's text ("1.000000000000000000"). */
export function legacyDecText(units: string): string {
  return formatDec(BigInt(units));
}

/** The enum converter of a field; `status` is a validator's BondStatus or a proposal's status. */
function enumOf(key: string, message: object): ((value: number) => string) | undefined {
  if (key === "status" && "operatorAddress" in message) return bondStatusToJSON;
  return ENUM_FIELDS[key];
}

/** The app's registry first, then the well-known account and key types. */
export function anyResolver(registry: TypeRegistry): AnyResolver {
  const known = new Map(WELL_KNOWN.map((t) => [t.typeUrl, t]));
  return (typeUrl) => registry.lookup(typeUrl) ?? known.get(typeUrl);
}

/** A decoded ts-proto message (cosmjs-types) as the gateway's JSON. */
export function toGatewayJson(value: unknown, resolve: AnyResolver): Json {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // Go decodes empty bytes as a nil slice, which jsonpb writes as null.
  if (value instanceof Uint8Array) return value.length === 0 ? null : Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((item) => toGatewayJson(item, resolve));
  if (value instanceof Date) return value.toISOString();
  if (isAny(value)) return anyJson(value, resolve);
  const out: Record<string, Json> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const enumName = enumOf(key, value);
    if (enumName && typeof field === "number") out[snakeCase(key)] = enumName(field);
    // Staking params' unbonding_time is a Duration; a validator's is a Timestamp.
    else if (key === "unbondingTime" && "maxValidators" in (value as object) && isTimestamp(field)) out[snakeCase(key)] = durationToJson(field);
    else if (TIMESTAMP_FIELDS.has(key) && isTimestamp(field)) out[snakeCase(key)] = timestampToRfc3339(field);
    else if (LEGACY_DEC_FIELDS.has(key) && typeof field === "string" && /^\d+$/.test(field)) out[snakeCase(key)] = legacyDecText(field);
    else if (DURATION_FIELDS.has(key) && isTimestamp(field)) out[snakeCase(key)] = durationToJson(field);
    else if (LEGACY_DEC_BYTES_FIELDS.has(key) && field instanceof Uint8Array) out[snakeCase(key)] = legacyDecText(Buffer.from(field).toString("ascii") || "0");
    else if (DEC_COINS_FIELDS.has(key) && isDecCoins(field)) out[snakeCase(key)] = field.map((c) => ({ denom: c.denom, amount: legacyDecText(c.amount) }));
    else out[snakeCase(key)] = toGatewayJson(field, resolve);
  }
  return out;
}

function isTimestamp(value: unknown): value is { seconds: bigint; nanos: number } {
  return typeof value === "object" && value !== null && typeof (value as { seconds?: unknown }).seconds === "bigint" && typeof (value as { nanos?: unknown }).nanos === "number";
}

function isAny(value: object): value is { typeUrl: string; value: Uint8Array } {
  const keys = Object.keys(value);
  return keys.length === 2 && "typeUrl" in value && "value" in value && value.value instanceof Uint8Array;
}

function anyJson(any: { typeUrl: string; value: Uint8Array }, resolve: AnyResolver): Json {
  const type = resolve(any.typeUrl);
  // jsonpb fails on an unresolvable Any; answering its raw bytes keeps the rest of the answer readable.
  if (!type) return { "@type": any.typeUrl, value: Buffer.from(any.value).toString("base64") };
  const fields = toGatewayJson(type.decode(any.value), resolve) as Record<string, Json>;
  return { "@type": any.typeUrl, ...fields };
}

/** ts-proto's camelCase property back to the .proto field name. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A .proto field name as ts-proto's property. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
