/** The slashing section of genesis, in cosmos.slashing.v1beta1 GenesisState's JSON shape. */
import type { ValidatorSigningInfo } from "cosmjs-types/cosmos/slashing/v1beta1/slashing";
import { fromAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { timestampFromJson, timestampToJson } from "../../sdk/types/time.js";
import { VALCONS_PREFIX } from "../staking/types.js";
import { missedBlocksInvariant } from "./invariants.js";
import type { SlashingKeeper } from "./keeper.js";
import { paramsFromJson, paramsToJson, validateParams } from "./params.js";
import { defaultSlashingParams } from "./types.js";

type Json = Record<string, unknown>;

/** Lists are iterables: genesis sections stream their top-level arrays. */
export interface SlashingGenesis {
  params?: Json;
  signing_infos?: Iterable<{ address: string; validator_signing_info: Json }>;
  missed_blocks?: Iterable<{ address: string; missed_blocks: { index: string; missed: boolean }[] }>;
}

export function defaultSlashingGenesis(): SlashingGenesis {
  return { params: paramsToJson(defaultSlashingParams()), signing_infos: [], missed_blocks: [] };
}

/** A signing info as the SDK's JSON writes it (genesis, and the CLI's query answer). */
export type SigningInfoJson = {
  address: string;
  start_height: string;
  index_offset: string;
  jailed_until: string | null;
  tombstoned: boolean;
  missed_blocks_counter: string;
};

export function signingInfoToJson(info: ValidatorSigningInfo): SigningInfoJson {
  return {
    address: info.address,
    start_height: info.startHeight.toString(),
    index_offset: info.indexOffset.toString(),
    jailed_until: timestampToJson(info.jailedUntil),
    tombstoned: info.tombstoned,
    missed_blocks_counter: info.missedBlocksCounter.toString(),
  };
}

function signingInfoFromJson(address: string, j: Json): ValidatorSigningInfo {
  return {
    address: String(j.address ?? address),
    startHeight: BigInt(String(j.start_height ?? "0")),
    indexOffset: BigInt(String(j.index_offset ?? "0")),
    jailedUntil: timestampFromJson(j.jailed_until, "jailed_until") ?? { seconds: 0n, nanos: 0 },
    tombstoned: Boolean(j.tombstoned),
    missedBlocksCounter: BigInt(String(j.missed_blocks_counter ?? "0")),
  };
}

function consAddress(address: string, what: string): Uint8Array {
  try {
    return fromAccAddress(address, VALCONS_PREFIX);
  } catch (err) {
    throw new Error(`invalid slashing genesis: ${what} ${JSON.stringify(address)} is not an ${VALCONS_PREFIX} address (${(err as Error).message})`);
  }
}

export function initSlashingGenesis(ctx: Context, keeper: SlashingKeeper, genesis: SlashingGenesis): void {
  const params = paramsFromJson(genesis.params);
  validateParams(params);
  keeper.setParams(ctx, params);
  for (const { address, validator_signing_info } of genesis.signing_infos ?? []) {
    keeper.setSigningInfo(ctx, consAddress(address, "signing info address"), signingInfoFromJson(address, validator_signing_info));
  }
  for (const { address, missed_blocks } of genesis.missed_blocks ?? []) {
    const bytes = consAddress(address, "missed blocks address");
    for (const { index, missed } of missed_blocks) {
      const i = BigInt(index);
      if (i < 0n || i >= params.signedBlocksWindow) throw new Error(`invalid slashing genesis: missed block index ${index} of ${address} is outside the ${params.signedBlocksWindow}-block window`);
      if (missed) keeper.missedBlocks.set(ctx, [bytes, i], true);
    }
  }
  const check = missedBlocksInvariant(ctx, keeper);
  if (check.broken) throw new Error(`invalid slashing genesis: ${check.message}`);
}

export function exportSlashingGenesis(ctx: Context, keeper: SlashingKeeper): SlashingGenesis {
  const infos = [...keeper.signingInfos.entries(ctx)];
  return {
    params: paramsToJson(keeper.getParams(ctx)),
    signing_infos: infos.map(([, info]) => ({ address: info.address, validator_signing_info: signingInfoToJson(info) })),
    missed_blocks: infos.map(([bytes, info]) => ({
      address: info.address,
      missed_blocks: [...keeper.missedIndexes(ctx, bytes)].map((index) => ({ index: index.toString(), missed: true })),
    })),
  };
}
