/** What the social module needs from bank and roles, declared here and wired in app/. */
import type { Context } from "../../sdk/types/context.js";
import type { Coins } from "../../sdk/types/coins.js";
import type { RoleChecks } from "../roles/types.js";

export interface SocialBankKeeper {
  sendCoins(ctx: Context, from: Uint8Array, to: Uint8Array, amount: Coins): void;
  isSendEnabled(ctx: Context, denom: string): boolean;
}

export type SocialRoleChecks = Pick<RoleChecks, "requireAuthorityOrRole">;
