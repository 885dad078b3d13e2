/** The cosmos.slashing.v1beta1 Msg service: Unjail (by the validator's operator) and UpdateParams (gov). */
import { requireAuthority } from "../../sdk/types/authority.js";
import * as tx from "cosmjs-types/cosmos/slashing/v1beta1/tx";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { ErrInvalidAddress } from "../../sdk/types/sdk-errors.js";
import { VALOPER_PREFIX } from "../staking/types.js";
import type { SlashingKeeper } from "./keeper.js";
import { paramsFromWire, validateParams } from "./params.js";
import { SLASHING_MODULE } from "./types.js";
import { unjail } from "./unjail.js";

function operatorBytes(validatorAddr: string): Uint8Array {
  try {
    return fromAccAddress(validatorAddr, VALOPER_PREFIX);
  } catch (err) {
    throw ErrInvalidAddress.wrap(`validator_addr must be an ${VALOPER_PREFIX} address: ${(err as Error).message}`);
  }
}

export function registerSlashingMsgs(router: MsgRouter, keeper: SlashingKeeper): void {
  router.register({
    module: SLASHING_MODULE,
    type: tx.MsgUnjail,
    responseType: tx.MsgUnjailResponse,
    // The operator's account (same bytes as its agoravaloper address) signs.
    signers: (msg) => [toAccAddress(operatorBytes(msg.validatorAddr))],
    validateBasic: (msg) => void operatorBytes(msg.validatorAddr),
    handle(ctx, msg) {
      unjail(ctx, keeper, operatorBytes(msg.validatorAddr));
      return {};
    },
  });
  router.register({
    module: SLASHING_MODULE,
    type: tx.MsgUpdateParams,
    responseType: tx.MsgUpdateParamsResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
      validateParams(paramsFromWire(msg.params));
    },
    handle(ctx, msg) {
      requireAuthority(keeper.authority, msg.authority);
      const params = paramsFromWire(msg.params);
      if (params.signedBlocksWindow !== keeper.getParams(ctx).signedBlocksWindow) keeper.restartWindows(ctx);
      keeper.setParams(ctx, params);
      return {};
    },
  });
}
