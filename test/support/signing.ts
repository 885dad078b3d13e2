/** Signed Cosmos transactions built with stock CosmJS, as a wallet would build them. */
import { encodeSecp256k1Pubkey } from "@cosmjs/amino";
import { Secp256k1, sha256 } from "@cosmjs/crypto";
import { encodePubkey, makeAuthInfoBytes, makeSignDoc, makeSignBytes } from "@cosmjs/proto-signing";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { addressFromPubkey, toAccAddress } from "../../sdk/types/address.js";

export interface TestAccount {
  address: string;
  privkey: Uint8Array;
  pubkey: Uint8Array;
}

/** A deterministic account from a seed number (keys are sha256 of the seed). */
export async function testAccount(seed: number): Promise<TestAccount> {
  const privkey = sha256(new TextEncoder().encode(`agora-test-account-${seed}`));
  const { pubkey } = await Secp256k1.makeKeypair(privkey);
  const compressed = Secp256k1.compressPubkey(pubkey);
  return { address: toAccAddress(addressFromPubkey(compressed)), privkey, pubkey: compressed };
}

export interface SignOptions {
  chainId: string;
  accountNumber: bigint;
  sequence: bigint;
  fee?: { denom: string; amount: string }[];
  gas?: bigint;
  memo?: string;
  timeoutHeight?: bigint;
}

export async function signTx(from: TestAccount, messages: { typeUrl: string; value: Uint8Array }[], o: SignOptions): Promise<Uint8Array> {
  const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages, memo: o.memo ?? "", timeoutHeight: o.timeoutHeight ?? 0n })).finish();
  const pubkey = encodePubkey(encodeSecp256k1Pubkey(from.pubkey));
  const authInfoBytes = makeAuthInfoBytes(
    [{ pubkey, sequence: o.sequence }],
    o.fee ?? [{ denom: "uagora", amount: "2000" }],
    Number(o.gas ?? 200_000n),
    undefined,
    undefined,
  );
  const signDoc = makeSignDoc(bodyBytes, authInfoBytes, o.chainId, Number(o.accountNumber));
  const signature = await Secp256k1.createSignature(sha256(makeSignBytes(signDoc)), from.privkey);
  const compact = new Uint8Array([...signature.r(32), ...signature.s(32)]);
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [compact] }).finish();
}

export function sendMsg(from: string, to: string, amount: string, denom = "uagora"): { typeUrl: string; value: Uint8Array } {
  return { typeUrl: MsgSend.typeUrl, value: MsgSend.encode({ fromAddress: from, toAddress: to, amount: [{ denom, amount }] }).finish() };
}
