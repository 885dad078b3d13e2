/** The upgrade module's names, the plan checks and the messages operators and Cosmovisor read. */
import type { Plan } from "cosmjs-types/cosmos/upgrade/v1beta1/upgrade";
import type { Context } from "../../sdk/types/context.js";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";

export const UPGRADE_MODULE = "upgrade";
export const UPGRADE_STORE = "upgrade";

/**
 * Migrations a new binary runs once, in the block at its plan's height, before anything else
 * in that block. It writes through `ctx` like any keeper; a throw halts the node there.
 */
export type UpgradeHandler = (ctx: Context, plan: Plan) => void;

/** The plan checks of the SDK's Plan.ValidateBasic: a name, a positive height, no deprecated fields. */
export function validatePlan(plan: Plan | undefined): asserts plan is Plan {
  if (!plan) throw ErrInvalidRequest.wrap("plan is required");
  if (plan.name.trim() === "") throw ErrInvalidRequest.wrap("plan: name cannot be empty");
  if (plan.height <= 0n) throw ErrInvalidRequest.wrap(`plan: height must be greater than 0, got ${plan.height}`);
  if (plan.time && (plan.time.seconds !== 0n || plan.time.nanos !== 0)) {
    throw ErrInvalidRequest.wrap("plan: time-based upgrades have been deprecated in the SDK; set a height instead");
  }
  if (plan.upgradedClientState) throw ErrInvalidRequest.wrap("plan: upgraded IBC client state has been moved to the IBC module; leave it empty");
}

/**
 * What the old binary says when it stops at the plan: the SDK's exact wording, which Cosmovisor
 * and operators' alerts match ("UPGRADE \"<name>\" NEEDED at height: <h>: <info>").
 */
export function upgradeNeededMessage(plan: Pick<Plan, "name" | "height" | "info">): string {
  return `UPGRADE "${plan.name}" NEEDED at height: ${plan.height}: ${plan.info}`;
}

/** What a new binary says when it runs before its plan's height: the SDK's wording. */
export function binaryUpdatedBeforeTriggerMessage(name: string): string {
  return `BINARY UPDATED BEFORE TRIGGER! UPGRADE "${name}" - in binary but not executed on chain. Downgrade your binary`;
}

/** What a binary says when the chain already ran an upgrade it has no handler for (an old binary). */
export function handlerMissingMessage(name: string, height: bigint): string {
  return `upgrade handler is missing for ${name} upgrade plan, which this chain applied at height ${height}: run a binary that has it`;
}
