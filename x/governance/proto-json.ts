/**
 * Messages in the SDK's JSON shape: `{"@type": "/cosmos.bank.v1beta1.MsgSend", "from_address": ...}`.
 * cosmjs-types' fromJSON/toJSON read and write camelCase, so keys are converted on the way.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";
import { durationFromJson, durationToJson } from "../../sdk/types/time.js";

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

/**
 * Renames keys recursively. Durations differ too: proto JSON writes "172800s", ts-proto an object.
 * Going out, every {seconds, nanos} object is a Duration; coming in, a duration string is turned
 * back only under a key that names a period or duration, so other strings are never touched.
 */
function mapKeys(value: unknown, rename: (key: string) => string, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, rename, key));
  if (typeof value === "string" && /(period|duration)$/i.test(key) && DURATION.test(value)) return durationFromJson(value, key);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  if (entries.length === 2 && "seconds" in value && "nanos" in value) {
    const d = value as { seconds: string; nanos: number };
    return durationToJson({ seconds: BigInt(d.seconds), nanos: Number(d.nanos) });
  }
  return Object.fromEntries(entries.map(([k, v]) => [k === "@type" ? k : rename(k), mapKeys(v, rename, k)]));
}

const DURATION = /^\d+(?:\.\d{1,9})?s$/;

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

/** A message in the SDK's JSON shape, without "@type" (query answers). */
export function messageToJson(type: Pick<JsonMessageType, "toJSON">, message: unknown): Record<string, unknown> {
  return mapKeys(type.toJSON(message), toSnake) as Record<string, unknown>;
}
