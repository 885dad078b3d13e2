/**
 * genutil: the gentxs of genesis (`app_state.genutil.gen_txs`) are delivered at InitChain, after
 * every other module's genesis, as the SDK's genutil does: each is a MsgCreateValidator signed by
 * its operator, and the validator set they make is InitChain's answer to CometBFT.
 */
import { MsgCreateValidator } from "cosmjs-types/cosmos/staking/v1beta1/tx";
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import { TxRaw, TxBody } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { TxResult } from "../../sdk/baseapp/run-tx.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { Context } from "../../sdk/types/context.js";
import { gentxFromJson } from "./gentx-json.js";

export const GENUTIL_MODULE = "genutil";

export interface GenutilGenesis {
  gen_txs?: Iterable<unknown>;
}

/** Runs one tx at genesis (BaseApp's runTx over the genesis state). */
export type GenesisTxDeliverer = (ctx: Context, txBytes: Uint8Array) => TxResult;

/** Checks a gentx's shape without state: one MsgCreateValidator. Returns the message. */
export function gentxMessage(txBytes: Uint8Array): MsgCreateValidator {
  const body = TxBody.decode(TxRaw.decode(txBytes).bodyBytes);
  if (body.messages.length !== 1 || body.messages[0]!.typeUrl !== MsgCreateValidator.typeUrl) {
    throw new Error(`a gentx must hold exactly one ${MsgCreateValidator.typeUrl}, got [${body.messages.map((m) => m.typeUrl).join(", ")}]`);
  }
  return MsgCreateValidator.decode(body.messages[0]!.value);
}

export class GenutilModule implements AppModule {
  readonly name = GENUTIL_MODULE;
  readonly storeKeys = [];
  /** Set when the app is wired: BaseApp runs the txs. */
  deliverTx: GenesisTxDeliverer | undefined;

  constructor(private readonly applyValidatorSetUpdates: (ctx: Context) => ValidatorUpdate[]) {}

  defaultGenesis(): GenutilGenesis {
    return { gen_txs: [] };
  }

  initGenesis(ctx: Context, genesis: unknown): ValidatorUpdate[] {
    // Genesis sections stream: a list is an iterable, read once.
    const txs = [...((genesis as GenutilGenesis | undefined)?.gen_txs ?? [])];
    if (txs.length === 0) return [];
    if (!this.deliverTx) throw new Error("genutil cannot deliver gentxs: the app did not wire its deliverTx");
    txs.forEach((json, index) => {
      const bytes = gentxFromJson(json);
      const operator = gentxMessage(bytes).validatorAddress;
      const result = this.deliverTx!(ctx, bytes);
      if (result.code !== 0) throw new Error(`gentx ${index} (validator ${operator}) failed with code ${result.code} (${result.codespace}): ${result.log}`);
    });
    return this.applyValidatorSetUpdates(ctx);
  }
}
