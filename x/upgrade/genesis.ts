/**
 * The upgrade section of genesis. The SDK's is empty; Agora's carries the scheduled plan and the
 * upgrades done, so a chain exported and restarted keeps both: the plan still fires, and a done
 * name cannot be scheduled again.
 */
import { Plan } from "cosmjs-types/cosmos/upgrade/v1beta1/upgrade";
import type { Context } from "../../sdk/types/context.js";
import type { UpgradeKeeper } from "./keeper.js";
import { validatePlan } from "./types.js";

export interface UpgradeGenesis {
  plan?: { name: string; height: string; info: string } | null;
  done?: { name: string; height: string }[];
}

export function defaultUpgradeGenesis(): UpgradeGenesis {
  return { plan: null, done: [] };
}

function height(value: string, what: string): bigint {
  if (!/^[0-9]+$/.test(value ?? "")) throw new Error(`upgrade genesis: ${what} height must be a whole number, got ${JSON.stringify(value)}`);
  return BigInt(value);
}

export function initUpgradeGenesis(ctx: Context, keeper: UpgradeKeeper, genesis: UpgradeGenesis): void {
  keeper.setModuleVersions(ctx, keeper.options.moduleVersions());
  for (const done of genesis.done ?? []) {
    if (!done.name) throw new Error("upgrade genesis: a done upgrade needs its name");
    keeper.setDone(ctx, done.name, height(done.height, `done upgrade ${done.name}`));
  }
  if (genesis.plan) {
    const plan = Plan.fromPartial({ name: genesis.plan.name ?? "", height: height(genesis.plan.height, "plan"), info: genesis.plan.info ?? "" });
    try {
      validatePlan(plan);
    } catch (err) {
      throw new Error(`upgrade genesis: ${(err as Error).message}`);
    }
    if (plan.height < ctx.height) throw new Error(`upgrade genesis: plan ${plan.name} at height ${plan.height} is before the chain's initial height ${ctx.height}`);
    if (keeper.doneHeight(ctx, plan.name) !== undefined) throw new Error(`upgrade genesis: plan ${plan.name} is also listed as done`);
    keeper.plan.set(ctx, plan);
  }
}

export function exportUpgradeGenesis(ctx: Context, keeper: UpgradeKeeper): UpgradeGenesis {
  const plan = keeper.getUpgradePlan(ctx);
  return {
    plan: plan ? { name: plan.name, height: plan.height.toString(), info: plan.info } : null,
    done: [...keeper.done.entries(ctx)].map(([[doneHeight, name]]) => ({ name, height: doneHeight.toString() })),
  };
}
