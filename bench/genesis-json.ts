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
  const coins = `[{"denom":"uagora","amount":"${amount}"}]`;
  const auth = (a: string, i: number) => `{"@type":"/cosmos.auth.v1beta1.BaseAccount","address":"${a}","account_number":"${i}","sequence":"0"}`;
  const bank = (a: string) => `{"address":"${a}","coins":${coins}}`;
  const width = address(0).length;
  const perAccount = auth("x".repeat(width), count).length + bank("x".repeat(width)).length + 2;
  const out = Buffer.allocUnsafe(64 + count * perAccount);
  // The bank section reuses each address from where the auth section wrote it.
  const addressAt = new Uint32Array(count);
  let at = out.write('{"auth":{"accounts":[');
  for (let i = 0; i < count; i++) {
    const a = address(i);
    if (a.length !== width) throw new Error("bench addresses must all have the same length");
    const entry = (i ? "," : "") + auth(a, i);
    addressAt[i] = at + entry.indexOf(a);
    at += out.write(entry, at, "latin1");
  }
  at += out.write(']},"bank":{"balances":[', at);
  const [head, tail] = bank("\0").split("\0") as [string, string];
  for (let i = 0; i < count; i++) {
    at += out.write(i ? "," + head : head, at, "latin1");
    at += out.copy(out, at, addressAt[i]!, addressAt[i]! + width);
    at += out.write(tail, at, "latin1");
  }
  at += out.write("]}}", at);
  return out.subarray(0, at);
}
