/**
 * Staking from the command line, as the Cosmos SDK 0.50's: create-validator from a validator.json
 * (the pubkey as `agorad comet show-validator` prints it), edit-validator, delegate, unbond,
 * redelegate, and queries over ABCI answered by cosmos.staking.v1beta1's Query service, printed
 * in the JSON the REST gateway serves.
 */
import { readFileSync } from "node:fs";
import type { Coin } from "@cosmjs/amino";
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import * as q from "cosmjs-types/cosmos/staking/v1beta1/query";
import { bondStatusFromJSON, BondStatus } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { MsgBeginRedelegate, MsgCreateValidator, MsgDelegate, MsgEditValidator, MsgUndelegate } from "cosmjs-types/cosmos/staking/v1beta1/tx";
import { toGatewayJson, type Json } from "../../../sdk/server/rest/proto-json.js";
import { fromAccAddress, toAccAddress } from "../../../sdk/types/address.js";
import { parseDec } from "../../../sdk/types/dec.js";
import { ED25519_PUBKEY_TYPE, VALOPER_PREFIX } from "../../../x/staking/types.js";
import { BOND_DENOM, CliError } from "../cli.js";
import { abciQuery, type RequestCodec, type ResponseCodec } from "./abci-query.js";
import { checkAddress, decodeBech32, parseCoins } from "./coins.js";
import { signAndBroadcast, type BroadcastOptions, type SendResult } from "./tx.js";

/** The description fields edit-validator leaves as they are unless given, as the SDK marks them. */
export const DO_NOT_MODIFY = "[do-not-modify]";

/** Checks an agoravaloper1... address; `what` names it in the error. */
export function checkValoper(address: string, what = "validator address"): string {
  let prefix: string;
  try {
    prefix = decodeBech32(address).prefix;
  } catch {
    throw new CliError(`invalid ${what} "${address}": expected a bech32 address like ${VALOPER_PREFIX}1...`);
  }
  if (prefix !== VALOPER_PREFIX) throw new CliError(`invalid ${what} "${address}": prefix must be ${VALOPER_PREFIX}, not ${prefix}`);
  return address;
}

/** A validator's operator address: the same bytes as its account's. */
export function valoperOf(account: string): string {
  return toAccAddress(fromAccAddress(account), VALOPER_PREFIX);
}

/** One amount of the bond denom, e.g. "1000000uagora". */
export function parseStake(text: string, what = "amount"): Coin {
  const coins = parseCoins(text);
  if (coins.length !== 1 || coins[0]!.denom !== BOND_DENOM) throw new CliError(`invalid ${what} "${text}": expected one amount of ${BOND_DENOM}, e.g. 1000000${BOND_DENOM}`);
  return coins[0]!;
}

/** A decimal rate ("0.1") as the wire's LegacyDec units. */
export function parseRate(text: unknown, what: string): string {
  if (typeof text !== "string") throw new CliError(`${what} must be a decimal in a string, e.g. "0.1"`);
  try {
    const units = parseDec(text, what);
    if (units > 10n ** 18n) throw new Error(`${what} ${text} is above 1`);
    return units.toString();
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

function wholeAmount(text: unknown, what: string): string {
  if (typeof text !== "string" || !/^[1-9][0-9]*$/.test(text)) throw new CliError(`${what} must be a positive whole number of ${BOND_DENOM} in a string, e.g. "1"`);
  return text;
}

/** `{"@type": "/cosmos.crypto.ed25519.PubKey", "key": "<base64 of 32 bytes>"}`, as `comet show-validator` prints it. */
export function parsePubkey(json: unknown): { typeUrl: string; value: Uint8Array } {
  const pubkey = json as { "@type"?: unknown; key?: unknown } | undefined;
  if (pubkey?.["@type"] !== ED25519_PUBKEY_TYPE) throw new CliError(`pubkey must be {"@type": "${ED25519_PUBKEY_TYPE}", "key": "..."}: print it with \`agorad comet show-validator\``);
  const key = typeof pubkey.key === "string" ? Buffer.from(pubkey.key, "base64") : Buffer.alloc(0);
  if (key.length !== 32) throw new CliError(`pubkey.key must be 32 bytes in base64, got ${key.length}: print it with \`agorad comet show-validator\``);
  return { typeUrl: ED25519_PUBKEY_TYPE, value: Ed25519PubKey.encode({ key }).finish() };
}

/**
 * The SDK 0.50's validator.json: pubkey, amount, moniker, identity, website, security, details,
 * commission-rate, commission-max-rate, commission-max-change-rate, min-self-delegation. The
 * operator is the signer (`--from`): its validator address is set once the key is known.
 */
export function readValidatorFile(path: string): MsgCreateValidator {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (err) {
    throw new CliError(`cannot read validator file ${path}: ${(err as Error).message}`);
  }
  const text = (field: string) => (json[field] === undefined ? "" : String(json[field]));
  try {
    if (!text("moniker")) throw new CliError("moniker is required");
    return MsgCreateValidator.fromPartial({
      description: { moniker: text("moniker"), identity: text("identity"), website: text("website"), securityContact: text("security"), details: text("details") },
      commission: {
        rate: parseRate(json["commission-rate"], "commission-rate"),
        maxRate: parseRate(json["commission-max-rate"], "commission-max-rate"),
        maxChangeRate: parseRate(json["commission-max-change-rate"], "commission-max-change-rate"),
      },
      minSelfDelegation: wholeAmount(json["min-self-delegation"], "min-self-delegation"),
      delegatorAddress: "",
      validatorAddress: "",
      pubkey: parsePubkey(json.pubkey),
      value: parseStake(text("amount")),
    });
  } catch (err) {
    throw new CliError(`validator file ${path}: ${(err as Error).message}`);
  }
}

export function createValidator(opts: BroadcastOptions & { file: string }): Promise<SendResult> {
  // Read before any key is unlocked.
  const msg = readValidatorFile(opts.file);
  return signAndBroadcast(opts, (operator) => [{ typeUrl: MsgCreateValidator.typeUrl, value: { ...msg, validatorAddress: valoperOf(operator) } }]);
}

export interface EditValidatorFields {
  moniker?: string;
  identity?: string;
  website?: string;
  securityContact?: string;
  details?: string;
  commissionRate?: string;
  minSelfDelegation?: string;
}

/**
 * A MsgEditValidator changing only the fields given (the SDK's "[do-not-modify]" and empty values
 * keep the rest); its validator address is set once the signer is known.
 */
export function editValidatorMsg(fields: EditValidatorFields): MsgEditValidator {
  const keep = (value: string | undefined) => value ?? DO_NOT_MODIFY;
  return MsgEditValidator.fromPartial({
    description: { moniker: keep(fields.moniker), identity: keep(fields.identity), website: keep(fields.website), securityContact: keep(fields.securityContact), details: keep(fields.details) },
    validatorAddress: "",
    commissionRate: fields.commissionRate === undefined ? "" : parseRate(fields.commissionRate, "--commission-rate"),
    minSelfDelegation: fields.minSelfDelegation === undefined ? "" : wholeAmount(fields.minSelfDelegation, "--min-self-delegation"),
  });
}

export function editValidator(opts: BroadcastOptions & EditValidatorFields): Promise<SendResult> {
  if (Object.values(pickEdits(opts)).every((v) => v === undefined)) {
    throw new CliError("nothing to edit: give --new-moniker, --identity, --website, --security-contact, --details, --commission-rate or --min-self-delegation");
  }
  const msg = editValidatorMsg(pickEdits(opts));
  return signAndBroadcast(opts, (operator) => [{ typeUrl: MsgEditValidator.typeUrl, value: { ...msg, validatorAddress: valoperOf(operator) } }]);
}

function pickEdits(f: EditValidatorFields): EditValidatorFields {
  return { moniker: f.moniker, identity: f.identity, website: f.website, securityContact: f.securityContact, details: f.details, commissionRate: f.commissionRate, minSelfDelegation: f.minSelfDelegation };
}

export function delegate(opts: BroadcastOptions & { validator: string; amount: string }): Promise<SendResult> {
  const validatorAddress = checkValoper(opts.validator);
  const amount = parseStake(opts.amount);
  return signAndBroadcast(opts, (delegatorAddress) => [{ typeUrl: MsgDelegate.typeUrl, value: MsgDelegate.fromPartial({ delegatorAddress, validatorAddress, amount }) }]);
}

export function unbond(opts: BroadcastOptions & { validator: string; amount: string }): Promise<SendResult> {
  const validatorAddress = checkValoper(opts.validator);
  const amount = parseStake(opts.amount);
  return signAndBroadcast(opts, (delegatorAddress) => [{ typeUrl: MsgUndelegate.typeUrl, value: MsgUndelegate.fromPartial({ delegatorAddress, validatorAddress, amount }) }]);
}

export function redelegate(opts: BroadcastOptions & { source: string; destination: string; amount: string }): Promise<SendResult> {
  const validatorSrcAddress = checkValoper(opts.source, "source validator address");
  const validatorDstAddress = checkValoper(opts.destination, "destination validator address");
  if (validatorSrcAddress === validatorDstAddress) throw new CliError("cannot redelegate to the same validator: give two different validators");
  const amount = parseStake(opts.amount);
  return signAndBroadcast(opts, (delegatorAddress) => [
    { typeUrl: MsgBeginRedelegate.typeUrl, value: MsgBeginRedelegate.fromPartial({ delegatorAddress, validatorSrcAddress, validatorDstAddress, amount }) },
  ]);
}

// Queries.

/** Consensus pubkeys are the only Anys a staking answer holds. */
const stakingJson = (message: unknown) => toGatewayJson(message, (typeUrl) => (typeUrl === Ed25519PubKey.typeUrl ? Ed25519PubKey : undefined)) as { [key: string]: Json };

function stakingQuery<Req, Res>(node: string | undefined, what: string, method: string, reqType: RequestCodec<Req>, request: Req, resType: ResponseCodec<Res>): Promise<Res> {
  return abciQuery(node, `query staking ${what}`, `/cosmos.staking.v1beta1.Query/${method}`, reqType, request, resType);
}

/** Every page of a paginated query, 100 at a time. */
async function allPages<T>(fetchPage: (key: Uint8Array) => Promise<{ items: T[]; nextKey?: Uint8Array }>): Promise<T[]> {
  const items: T[] = [];
  let key: Uint8Array = new Uint8Array();
  do {
    const page = await fetchPage(key);
    items.push(...page.items);
    key = page.nextKey ?? new Uint8Array();
  } while (key.length > 0);
  return items;
}

const page = (key: Uint8Array) => ({ key, limit: 100n });

/** "bonded", "unbonding", "unbonded" (or the enum's own names) as the Validators query's status filter. */
export function parseBondStatus(text: string | undefined): string {
  if (text === undefined) return "";
  const name = /^BOND_STATUS_/i.test(text) ? text.toUpperCase() : `BOND_STATUS_${text.toUpperCase()}`;
  const status = bondStatusFromJSON(name);
  if (status === BondStatus.UNRECOGNIZED || status === BondStatus.BOND_STATUS_UNSPECIFIED) throw new CliError(`invalid --status "${text}": expected bonded, unbonding or unbonded`);
  return name;
}

export async function queryValidators(opts: { node?: string; status?: string }): Promise<{ validators: Json[] }> {
  const status = parseBondStatus(opts.status);
  const validators = await allPages(async (key) => {
    const res = await stakingQuery(opts.node, "validators", "Validators", q.QueryValidatorsRequest, q.QueryValidatorsRequest.fromPartial({ status, pagination: page(key) }), q.QueryValidatorsResponse);
    return { items: res.validators, nextKey: res.pagination?.nextKey };
  });
  return { validators: validators.map(stakingJson) };
}

export async function queryValidator(opts: { node?: string; validator: string }): Promise<Json> {
  const validatorAddr = checkValoper(opts.validator);
  const res = await stakingQuery(opts.node, "validator", "Validator", q.QueryValidatorRequest, { validatorAddr }, q.QueryValidatorResponse);
  return stakingJson(res.validator);
}

export async function queryDelegation(opts: { node?: string; delegator: string; validator: string }): Promise<Json> {
  const delegatorAddr = checkAddress(opts.delegator, "delegator address");
  const validatorAddr = checkValoper(opts.validator);
  const res = await stakingQuery(opts.node, "delegation", "Delegation", q.QueryDelegationRequest, { delegatorAddr, validatorAddr }, q.QueryDelegationResponse);
  return stakingJson(res.delegationResponse);
}

export async function queryDelegations(opts: { node?: string; delegator: string }): Promise<{ delegation_responses: Json[] }> {
  const delegatorAddr = checkAddress(opts.delegator, "delegator address");
  const responses = await allPages(async (key) => {
    const request = q.QueryDelegatorDelegationsRequest.fromPartial({ delegatorAddr, pagination: page(key) });
    const res = await stakingQuery(opts.node, "delegations", "DelegatorDelegations", q.QueryDelegatorDelegationsRequest, request, q.QueryDelegatorDelegationsResponse);
    return { items: res.delegationResponses, nextKey: res.pagination?.nextKey };
  });
  return { delegation_responses: responses.map(stakingJson) };
}

export async function queryUnbondingDelegations(opts: { node?: string; delegator: string }): Promise<{ unbonding_responses: Json[] }> {
  const delegatorAddr = checkAddress(opts.delegator, "delegator address");
  const responses = await allPages(async (key) => {
    const request = q.QueryDelegatorUnbondingDelegationsRequest.fromPartial({ delegatorAddr, pagination: page(key) });
    const res = await stakingQuery(opts.node, "unbonding-delegations", "DelegatorUnbondingDelegations", q.QueryDelegatorUnbondingDelegationsRequest, request, q.QueryDelegatorUnbondingDelegationsResponse);
    return { items: res.unbondingResponses, nextKey: res.pagination?.nextKey };
  });
  return { unbonding_responses: responses.map(stakingJson) };
}

export async function queryPool(opts: { node?: string }): Promise<Json> {
  const res = await stakingQuery(opts.node, "pool", "Pool", q.QueryPoolRequest, {}, q.QueryPoolResponse);
  return stakingJson(res.pool);
}

export async function queryStakingParams(opts: { node?: string }): Promise<Json> {
  const res = await stakingQuery(opts.node, "params", "Params", q.QueryParamsRequest, {}, q.QueryParamsResponse);
  return stakingJson(res.params);
}
