/**
 * Module account permissions, after the Cosmos SDK: only a module the app declares a minter can
 * mint, only a burner can burn, module accounts cannot be paid by MsgSend, and no amount goes
 * past 2^256 - 1.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { pino } from "pino";
import { RootMultiStore } from "../../sdk/store/multistore.js";
import { Context } from "../../sdk/types/context.js";
import { GasMeter } from "../../sdk/types/gas.js";
import { Coins, MAX_AMOUNT } from "../../sdk/types/coins.js";
import { moduleAddress, toAccAddress } from "../../sdk/types/address.js";
import { tempDirs } from "../../test/support/temp-dirs.js";
import { AccountKeeper } from "../auth/keeper.js";
import { BankKeeper } from "./keeper.js";
import { BANK_STORE } from "./types.js";
import { AUTH_STORE } from "../auth/types.js";

const newDir = tempDirs("agora-bank-permissions-");
const PERMISSIONS = { mint: ["minter"], burn: ["burner"], vault: [] as string[] };
const uagora = (amount: bigint) => Coins.of([{ denom: "uagora", amount }]);
const alice = new Uint8Array(20).fill(1);

async function keepers(t: { after(fn: () => Promise<void>): void }) {
  const store = RootMultiStore.open(join(newDir(), "state.lmdb"), [AUTH_STORE, BANK_STORE]);
  t.after(() => store.close());
  const accounts = new AccountKeeper(PERMISSIONS);
  const blocked = new Set(Object.keys(PERMISSIONS).map((name) => toAccAddress(moduleAddress(name))));
  const bank = new BankKeeper(accounts, blocked);
  const ctx = new Context({ chainId: "agora-test-1", height: 1n, time: { seconds: 0n, nanos: 0 } }, store, new GasMeter(), "finalize", pino({ level: "silent" }));
  return { accounts, bank, ctx };
}

const refusedWith = (code: number, pattern: RegExp) => (err: unknown) => {
  assert.equal((err as { code?: number }).code, code, (err as Error).message);
  assert.match((err as Error).message, pattern);
  return true;
};

test("a minter module mints into its account and the supply; a module without minter is refused with code 4", async (t) => {
  const { bank, ctx } = await keepers(t);
  bank.mintCoins(ctx, "mint", uagora(100n));
  assert.equal(bank.getBalance(ctx, moduleAddress("mint"), "uagora"), 100n);
  assert.equal(bank.getSupply(ctx, "uagora"), 100n);
  for (const module of ["burn", "vault"]) {
    assert.throws(() => bank.mintCoins(ctx, module, uagora(1n)), refusedWith(4, new RegExp(`module account ${module} does not have permissions to mint tokens`)));
  }
  assert.equal(bank.getSupply(ctx, "uagora"), 100n);
});

test("a burner module burns from its account and the supply; a module without burner is refused with code 4", async (t) => {
  const { bank, ctx } = await keepers(t);
  bank.mintCoins(ctx, "mint", uagora(100n));
  bank.sendCoinsFromModuleToModule(ctx, "mint", "burn", uagora(60n));
  bank.sendCoinsFromModuleToModule(ctx, "mint", "vault", uagora(40n));
  assert.throws(() => bank.burnCoins(ctx, "vault", uagora(1n)), refusedWith(4, /module account vault does not have permissions to burn tokens/));
  assert.throws(() => bank.burnCoins(ctx, "mint", uagora(1n)), refusedWith(4, /module account mint does not have permissions to burn tokens/));
  bank.burnCoins(ctx, "burn", uagora(25n));
  assert.equal(bank.getBalance(ctx, moduleAddress("burn"), "uagora"), 35n);
  assert.equal(bank.getSupply(ctx, "uagora"), 75n);
});

test("a module account whose stored permissions claim minter still cannot mint when the app does not declare it", async (t) => {
  const { accounts, bank, ctx } = await keepers(t);
  const vault = accounts.getModuleAccount(ctx, "vault");
  accounts.setAccount(ctx, { ...vault, module: { name: "vault", permissions: ["minter"] } });
  assert.throws(() => bank.mintCoins(ctx, "vault", uagora(1n)), refusedWith(4, /module account vault does not have permissions to mint tokens/));
});

test("a module cannot pay a blocked module address from its account, but can send to another module", async (t) => {
  const { bank, ctx } = await keepers(t);
  bank.mintCoins(ctx, "mint", uagora(10n));
  assert.throws(() => bank.sendCoinsFromModuleToAccount(ctx, "mint", moduleAddress("vault"), uagora(1n)), refusedWith(4, /is not allowed to receive funds/));
  bank.sendCoinsFromModuleToAccount(ctx, "mint", alice, uagora(3n));
  bank.sendCoinsFromModuleToModule(ctx, "mint", "vault", uagora(7n));
  assert.equal(bank.getBalance(ctx, alice, "uagora"), 3n);
  assert.equal(bank.getBalance(ctx, moduleAddress("vault"), "uagora"), 7n);
  assert.throws(() => bank.sendCoinsFromModuleToModule(ctx, "vault", "gov", uagora(1n)), /module account gov is not declared in the app's module permissions/);
});

test("minting past a supply of 2^256 - 1 is refused with code 10 and changes nothing", async (t) => {
  const { bank, ctx } = await keepers(t);
  bank.mintCoins(ctx, "mint", uagora(MAX_AMOUNT));
  bank.sendCoinsFromModuleToAccount(ctx, "mint", alice, uagora(MAX_AMOUNT));
  assert.throws(() => bank.mintCoins(ctx, "mint", uagora(1n)), refusedWith(10, /minting 1uagora would take its supply past 2\^256 - 1/));
  assert.equal(bank.getSupply(ctx, "uagora"), MAX_AMOUNT);
  assert.equal(bank.getBalance(ctx, moduleAddress("mint"), "uagora"), 0n);
});

test("a transfer that would take a balance past 2^256 - 1 is refused with code 10", async (t) => {
  const { bank, ctx } = await keepers(t);
  const bob = new Uint8Array(20).fill(2);
  bank.balances.set(ctx, [alice, "uagora"], MAX_AMOUNT);
  bank.balances.set(ctx, [bob, "uagora"], 1n);
  assert.throws(() => bank.sendCoins(ctx, bob, alice, uagora(1n)), refusedWith(10, /balance of uagora would exceed 2\^256 - 1/));
});
