import assert from "node:assert/strict";
import { test } from "node:test";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { encodeProto } from "./encode.js";

test("encodeProto gives exactly the bytes of cosmjs-types' encode().finish(), in an array of their size", () => {
  const cases: [{ encode(m: never): { finish(): Uint8Array } }, unknown][] = [
    [MsgSend, MsgSend.fromPartial({ fromAddress: "agora1a", toAddress: "agora1b", amount: [{ denom: "uagora", amount: "12345678901234567890" }] })],
    [SignDoc, SignDoc.fromPartial({ bodyBytes: new Uint8Array(300).fill(7), authInfoBytes: Uint8Array.of(1, 2), chainId: "agora-local-1", accountNumber: 2n ** 63n })],
    [BaseAccount, BaseAccount.fromPartial({ address: "agora1x", accountNumber: 0n, sequence: 5n })],
    [TxMsgData, TxMsgData.fromPartial({ msgResponses: [{ typeUrl: "/x", value: new Uint8Array(10_000).fill(1) }] })],
    [MsgSend, MsgSend.fromPartial({})],
  ];
  for (const [type, message] of cases) {
    const expected = type.encode(message as never).finish();
    const actual = encodeProto(type as never, message as never);
    assert.deepEqual(Buffer.from(actual), Buffer.from(expected));
    assert.equal(actual.buffer.byteLength, expected.length, "no shared slab behind the result");
  }
});
