/**
 * A gentx as genesis.json carries it: the signed tx in the gateway's JSON (snake_case, Anys as
 * `{"@type": ...}`), as `gentx` writes it and InitChain reads it back. Reading re-encodes the
 * body and auth info, so a gentx is only valid if that gives back the bytes that were signed:
 * `gentx` checks the round trip before writing one.
 */
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { PubKey as Secp256k1PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { MsgCreateValidator } from "cosmjs-types/cosmos/staking/v1beta1/tx";
import { AuthInfo, Tx, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { encodeProto } from "../../sdk/codec/encode.js";
import { camelCase, LEGACY_DEC_FIELDS, toGatewayJson, type Json } from "../../sdk/server/rest/proto-json.js";
import { parseDec } from "../../sdk/types/dec.js";

/** The only types a gentx holds: its MsgCreateValidator and the two keys. */
const GENTX_TYPES = new Map<string, { decode(b: Uint8Array): unknown; encode(m: never): { finish(): Uint8Array }; fromJSON(o: unknown): unknown }>([
  [MsgCreateValidator.typeUrl, MsgCreateValidator as never],
  [Ed25519PubKey.typeUrl, Ed25519PubKey as never],
  [Secp256k1PubKey.typeUrl, Secp256k1PubKey as never],
]);

export function gentxToJson(txBytes: Uint8Array): Json {
  const raw = TxRaw.decode(txBytes);
  const tx = { body: TxBody.decode(raw.bodyBytes), authInfo: AuthInfo.decode(raw.authInfoBytes), signatures: raw.signatures };
  return toGatewayJson(tx, (typeUrl) => GENTX_TYPES.get(typeUrl));
}

/** The tx bytes of a gentx in genesis; throws naming what cannot be read. */
export function gentxFromJson(json: unknown): Uint8Array {
  const tx = Tx.fromJSON(camelJson(json));
  return TxRaw.encode({ bodyBytes: encodeProto(TxBody, tx.body!), authInfoBytes: encodeProto(AuthInfo, tx.authInfo!), signatures: tx.signatures }).finish();
}

/** ts-proto's fromJSON shape: camelCase names, each Any as {typeUrl, value: base64}. */
function camelJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelJson);
  if (value === null || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  if (typeof object["@type"] === "string") {
    const typeUrl = object["@type"];
    const type = GENTX_TYPES.get(typeUrl);
    if (!type) throw new Error(`a gentx cannot hold a ${typeUrl}: it holds one MsgCreateValidator signed with a secp256k1 key`);
    const { "@type": _, ...fields } = object;
    const message = type.fromJSON(camelJson(fields));
    return { typeUrl, value: Buffer.from(type.encode(message as never).finish()).toString("base64") };
  }
  return Object.fromEntries(
    Object.entries(object).map(([k, v]) => {
      const name = camelCase(k);
      // Commission rates are written as decimal text; protobuf wants their 10^-18 units.
      if (LEGACY_DEC_FIELDS.has(name) && typeof v === "string" && v.includes(".")) return [name, parseDec(v, k).toString()];
      return [name, camelJson(v)];
    }),
  );
}
