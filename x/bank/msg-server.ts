/** MsgSend and MsgMultiSend: thin handlers that check, call the keeper and return. */
import { MsgMultiSend, MsgMultiSendResponse, MsgSend, MsgSendResponse } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import type { BankSendKeeper } from "./keeper.js";
import { BANK_MODULE, ErrInputOutputMismatch, ErrMultipleSenders, ErrNoInputs, ErrNoOutputs, ErrSendDisabled } from "./types.js";
import { fromAccAddress } from "../../sdk/types/address.js";

function checkSendable(ctx: Context, keeper: BankSendKeeper, coins: Coins): void {
  for (const coin of coins.list) {
    if (!keeper.isSendEnabled(ctx, coin.denom)) throw ErrSendDisabled.wrap(`${coin.denom} transfers are currently disabled`);
  }
}

export function registerBankMsgs(router: MsgRouter, keeper: BankSendKeeper): void {
  router.register({
    module: BANK_MODULE,
    type: MsgSend,
    responseType: MsgSendResponse,
    signers: (msg) => [msg.fromAddress],
    validateBasic(msg) {
      fromAccAddress(msg.fromAddress);
      fromAccAddress(msg.toAddress);
      Coins.positive(msg.amount);
    },
    handle(ctx, msg) {
      const amount = Coins.fromProto(msg.amount);
      checkSendable(ctx, keeper, amount);
      const to = fromAccAddress(msg.toAddress);
      if (keeper.isBlocked(to)) throw ErrUnauthorized.wrap(`${msg.toAddress} is not allowed to receive funds`);
      keeper.sendCoins(ctx, fromAccAddress(msg.fromAddress), to, amount);
      return MsgSendResponse.fromPartial({});
    },
  });

  router.register({
    module: BANK_MODULE,
    type: MsgMultiSend,
    responseType: MsgMultiSendResponse,
    signers: (msg) => msg.inputs.map((i) => i.address),
    validateBasic(msg) {
      if (msg.inputs.length === 0) throw ErrNoInputs.wrap("");
      if (msg.inputs.length > 1) throw ErrMultipleSenders.wrap(`got ${msg.inputs.length} inputs`);
      if (msg.outputs.length === 0) throw ErrNoOutputs.wrap("");
      let total = Coins.EMPTY;
      for (const input of msg.inputs) fromAccAddress(input.address);
      for (const output of msg.outputs) {
        fromAccAddress(output.address);
        total = total.add(Coins.positive(output.coins));
      }
      if (total.toString() !== Coins.positive(msg.inputs[0]!.coins).toString()) {
        throw ErrInputOutputMismatch.wrap(`inputs ${Coins.fromProto(msg.inputs[0]!.coins)} != outputs ${total}`);
      }
    },
    handle(ctx, msg) {
      const input = msg.inputs[0]!;
      const from = fromAccAddress(input.address);
      checkSendable(ctx, keeper, Coins.fromProto(input.coins));
      for (const output of msg.outputs) {
        const to = fromAccAddress(output.address);
        if (keeper.isBlocked(to)) throw ErrUnauthorized.wrap(`${output.address} is not allowed to receive funds`);
        keeper.sendCoins(ctx, from, to, Coins.fromProto(output.coins));
      }
      return MsgMultiSendResponse.fromPartial({});
    },
  });
}
