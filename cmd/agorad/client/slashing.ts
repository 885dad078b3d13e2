/**
 * Slashing from the command line: a jailed validator's operator unjails it, and anyone reads a
 * validator's signing info (by its agoravalcons address or its consensus pubkey, in the SDK's
 * JSON or as `cometbft show-validator` prints it) and the slashing params.
 */
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { QueryParamsRequest, QueryParamsResponse, QuerySigningInfoRequest, QuerySigningInfoResponse } from "cosmjs-types/cosmos/slashing/v1beta1/query";
import { MsgUnjail } from "cosmjs-types/cosmos/slashing/v1beta1/tx";
import { sha256 } from "@noble/hashes/sha2.js";
import { fromAccAddress, toAccAddress } from "../../../sdk/types/address.js";
import { signingInfoToJson, type SigningInfoJson } from "../../../x/slashing/genesis.js";
import { paramsFromWire, paramsToJson } from "../../../x/slashing/params.js";
import { VALCONS_PREFIX, VALOPER_PREFIX } from "../../../x/staking/types.js";
import { CliError } from "../cli.js";
import { abciQuery } from "./abci-query.js";
import { signAndBroadcast, type BroadcastOptions, type SendResult } from "./tx.js";

/** The agoravalcons address of `arg`: that address itself, or an ed25519 consensus pubkey's JSON. */
export function consensusAddressOf(arg: string): string {
  const text = arg.trim();
  if (text.startsWith(`${VALCONS_PREFIX}1`)) {
    try {
      return toAccAddress(fromAccAddress(text, VALCONS_PREFIX), VALCONS_PREFIX);
    } catch (err) {
      throw new CliError(`invalid consensus address "${text}": ${(err as Error).message}`);
    }
  }
  const hint = `{"@type":"${Ed25519PubKey.typeUrl}","key":"<base64>"} or {"type":"tendermint/PubKeyEd25519","value":"<base64>"} (what cometbft show-validator prints)`;
  let pubkey: Record<string, unknown>;
  try {
    pubkey = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CliError(`expected an ${VALCONS_PREFIX}1... address or a consensus pubkey such as ${hint}, got "${text}"`);
  }
  const base64 = pubkey["@type"] === Ed25519PubKey.typeUrl ? pubkey.key : pubkey.type === "tendermint/PubKeyEd25519" ? pubkey.value : undefined;
  if (typeof base64 !== "string") throw new CliError(`a consensus pubkey must be ${hint}`);
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new CliError(`an ed25519 consensus key is 32 bytes, got ${key.length}`);
  return toAccAddress(sha256(key).subarray(0, 20), VALCONS_PREFIX);
}

export async function querySigningInfo(opts: { node?: string; validator: string }): Promise<SigningInfoJson> {
  const consAddress = consensusAddressOf(opts.validator);
  const { valSigningInfo: info } = await abciQuery(opts.node, "query slashing signing-info", "/cosmos.slashing.v1beta1.Query/SigningInfo", QuerySigningInfoRequest, { consAddress }, QuerySigningInfoResponse);
  return signingInfoToJson(info);
}

export async function querySlashingParams(opts: { node?: string }): Promise<Record<string, unknown>> {
  const { params } = await abciQuery(opts.node, "query slashing params", "/cosmos.slashing.v1beta1.Query/Params", QueryParamsRequest, {}, QueryParamsResponse);
  return paramsToJson(paramsFromWire(params));
}

/** Unjails the validator the sender operates (its agoravaloper address has the sender's bytes). */
export function unjailValidator(opts: BroadcastOptions): Promise<SendResult> {
  return signAndBroadcast(opts, (operator) => [{ typeUrl: MsgUnjail.typeUrl, value: MsgUnjail.fromPartial({ validatorAddr: toAccAddress(fromAccAddress(operator), VALOPER_PREFIX) }) }]);
}
