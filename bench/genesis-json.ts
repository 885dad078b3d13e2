/**
 * The app_state of a large genesis, written straight into one buffer: the same JSON that
 * `JSON.stringify(genesisState(accounts))` produces (test/support/chain.ts), without building a
 * million objects first, so the harness's own memory stays out of the measured peak.
 */
import { createHash } from "node:crypto";
import { toAccAddress } from "../sdk/types/address.js";

/** The i-th bench account's address: 20 bytes of sha256("bench-account-i"). */
export function benchAddress(i: number): string {
  return toAccAddress(createHash("sha256").update(`bench-account-${i}`).digest().subarray(0, 20));
}

export function genesisAppState(count: number, amount: bigint, address = benchAddress): Buffer {
  const addresses = Array.from({ length: count }, (_, i) => address(i));
  const coins = `[{"denom":"uagora","amount":"${amount}"}]`;
  const auth = (a: string, i: number) => `{"@type":"/cosmos.auth.v1beta1.BaseAccount","address":"${a}","account_number":"${i}","sequence":"0"}`;
  const bank = (a: string) => `{"address":"${a}","coins":${coins}}`;
  const longest = addresses.reduce((n, a) => Math.max(n, a.length), 0);
  const perAccount = auth("x".repeat(longest), count).length + bank("x".repeat(longest)).length + 2;
  const out = Buffer.allocUnsafe(64 + count * perAccount);
  let at = out.write('{"auth":{"accounts":[');
  addresses.forEach((a, i) => (at += out.write(i ? "," + auth(a, i) : auth(a, i), at, "latin1")));
  at += out.write(']},"bank":{"balances":[', at);
  addresses.forEach((a, i) => (at += out.write(i ? "," + bank(a) : bank(a), at, "latin1")));
  at += out.write("]}}", at);
  return out.subarray(0, at);
}
