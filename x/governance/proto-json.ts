/**
 * Messages in the SDK's JSON shape: `{"@type": "/cosmos.bank.v1beta1.MsgSend", "from_address": ...}`.
 * cosmjs-types' fromJSON/toJSON read and write camelCase, so keys are converted on the way.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";

/** A generated type as cosmjs-types exports it: binary and JSON codecs. */
export interface JsonMessageType {
  encode(message: unknown): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
  fromJSON(json: unknown): unknown;
  toJSON(message: unknown): unknown;
}

export type TypeLookup = (typeUrl: string) => JsonMessageType | undefined;

const toCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, rename));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === "@type" ? k : rename(k), mapKeys(v, rename)]));
}

/** An `{"@type", ...fields}` object packed as an Any; throws naming an unknown type. */
export function anyFromJson(json: unknown, lookup: TypeLookup): Any {
  const { "@type": typeUrl, ...fields } = (json ?? {}) as Record<string, unknown>;
  if (typeof typeUrl !== "string") throw new Error(`a message needs an "@type" naming its type, e.g. "/cosmos.bank.v1beta1.MsgSend"; got ${JSON.stringify(json)}`);
  const type = lookup(typeUrl);
  if (!type) throw new Error(`unknown message type ${typeUrl}: this chain does not handle it`);
  return { typeUrl, value: type.encode(type.fromJSON(mapKeys(fields, toCamel))).finish() };
}

export function anyToJson(any: Any, lookup: TypeLookup): Record<string, unknown> {
  const type = lookup(any.typeUrl);
  if (!type) return { "@type": any.typeUrl, value: Buffer.from(any.value).toString("base64") };
  return { "@type": any.typeUrl, ...(mapKeys(type.toJSON(type.decode(any.value)), toSnake) as Record<string, unknown>) };
}
