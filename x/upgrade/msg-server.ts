/** MsgSoftwareUpgrade and MsgCancelUpgrade: only the authority (governance) schedules or cancels. */
import { requireAuthority } from "../../sdk/types/authority.js";
import { MsgCancelUpgrade, MsgCancelUpgradeResponse, MsgSoftwareUpgrade, MsgSoftwareUpgradeResponse } from "cosmjs-types/cosmos/upgrade/v1beta1/tx";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import type { UpgradeKeeper } from "./keeper.js";
import { UPGRADE_MODULE, validatePlan } from "./types.js";

function checkAuthority(keeper: UpgradeKeeper, authority: string): void {
  requireAuthority(keeper.authority, authority);
}

export function registerUpgradeMsgs(router: MsgRouter, keeper: UpgradeKeeper): void {
  router.register({
    module: UPGRADE_MODULE,
    type: MsgSoftwareUpgrade,
    responseType: MsgSoftwareUpgradeResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
      validatePlan(msg.plan);
    },
    handle(ctx, msg) {
      checkAuthority(keeper, msg.authority);
      keeper.scheduleUpgrade(ctx, msg.plan);
      ctx.events.emit("software_upgrade", { name: msg.plan.name, height: msg.plan.height.toString() });
      return MsgSoftwareUpgradeResponse.fromPartial({});
    },
  });

  router.register({
    module: UPGRADE_MODULE,
    type: MsgCancelUpgrade,
    responseType: MsgCancelUpgradeResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
    },
    handle(ctx, msg) {
      checkAuthority(keeper, msg.authority);
      keeper.clearUpgradePlan(ctx);
      ctx.events.emit("cancel_upgrade", {});
      return MsgCancelUpgradeResponse.fromPartial({});
    },
  });
}
