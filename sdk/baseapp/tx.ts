/**
 * Stateless transaction decoding: TxRaw, its body and auth info, and every message resolved
 * through the registry. Nothing here reads state.
 */
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { sha256 } from "../store/hash.js";
import type { TypeRegistry } from "../codec/registry.js";
import { ErrTxDecode } from "../types/sdk-errors.js";

export interface DecodedMsg {
  typeUrl: string;
  value: unknown;
}

export interface DecodedTx {
  /** The bytes as CometBFT carries them; their sha256 is the tx hash. */
  bytes: Uint8Array;
  hash: Buffer;
  raw: TxRaw;
  body: TxBody;
  authInfo: AuthInfo;
  msgs: DecodedMsg[];
}

export function decodeTx(bytes: Uint8Array, registry: TypeRegistry): DecodedTx {
  if (bytes.length === 0) throw ErrTxDecode.wrap("empty tx");
  let raw: TxRaw;
  let body: TxBody;
  let authInfo: AuthInfo;
  try {
    raw = TxRaw.decode(bytes);
    body = TxBody.decode(raw.bodyBytes);
    authInfo = AuthInfo.decode(raw.authInfoBytes);
  } catch (err) {
    throw ErrTxDecode.wrap(`invalid protobuf transaction: ${(err as Error).message}`);
  }
  if (body.messages.length === 0) throw ErrTxDecode.wrap("tx must contain at least one message");
  if (!authInfo.fee) throw ErrTxDecode.wrap("tx auth info has no fee");
  const msgs = body.messages.map((any) => ({ typeUrl: any.typeUrl, value: registry.unpack(any) }));
  return { bytes, hash: sha256(bytes), raw, body, authInfo, msgs };
}
