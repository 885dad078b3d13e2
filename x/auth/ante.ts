/**
 * The ante chain, in the Cosmos SDK's order and with its error codes: extension options, basic
 * validation, timeout height, memo, tx size gas, fee deduction, public keys, signature count,
 * signature gas, signature verification, sequence increment.
 */
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { txProfiler, type AnteHandler } from "../../sdk/baseapp/run-tx.js";
import type { DecodedTx } from "../../sdk/baseapp/tx.js";
import { encodeProto } from "../../sdk/codec/encode.js";
import { sha256 } from "../../sdk/store/hash.js";
import { branch } from "../../sdk/store/multistore.js";
import { addressFromPubkey, fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { requiredFee, type GasPrice } from "../../sdk/types/gas-price.js";
import { verifySecp256k1 } from "../../sdk/types/secp256k1.js";
import * as errors from "../../sdk/types/sdk-errors.js";
import { pubKeyFromAny } from "./account-codec.js";
import type { FeeBankKeeper } from "./expected-keepers.js";
import type { AccountKeeper } from "./keeper.js";
import type { SignatureCache } from "./signature-cache.js";
import { FEE_COLLECTOR } from "./types.js";

export interface AnteOptions {
  accounts: AccountKeeper;
  bank: FeeBankKeeper;
  msgRouter: MsgRouter;
  signatureCache: SignatureCache;
  /** The denom fees are usually paid in, for gas estimates. */
  feeDenom: string;
  /** This node's minimum gas prices, enforced in CheckTx only (a node setting, not consensus). */
  minGasPrices: () => GasPrice[];
}

export function newAnteHandler(options: AnteOptions): AnteHandler {
  return (ctx, tx) => {
    const signers = validateBasic(tx, options.msgRouter);
    const params = options.accounts.getParams(ctx);
    checkTimeoutHeight(ctx, tx);
    const memoLength = [...tx.body.memo].length;
    if (BigInt(memoLength) > params.maxMemoCharacters) {
      throw errors.ErrMemoTooLarge.wrap(`maximum number of characters is ${params.maxMemoCharacters} but received ${memoLength} characters`);
    }
    ctx.gasMeter.consume(Number(params.txSizeCostPerByte) * (tx.bytes.length + simulatedSignatureBytes(ctx, tx)), "txSize");
    deductFee(ctx, tx, signers, options);
    const pubKeys = setPubKeys(ctx, tx, signers, options.accounts);
    if (BigInt(signers.length) > params.txSigLimit) {
      throw errors.ErrTooManySignatures.wrap(`signatures: ${signers.length}, limit: ${params.txSigLimit}`);
    }
    for (let i = 0; i < signers.length; i++) ctx.gasMeter.consume(Number(params.sigVerifyCostSecp256k1), "ante verify: secp256k1");
    verifySignatures(ctx, tx, signers, pubKeys, options);
    for (const signer of signers) {
      const account = options.accounts.getAccount(ctx, signer)!;
      options.accounts.setAccount(ctx, { ...account, sequence: account.sequence + 1n });
    }
  };
}

/** Simulated txs carry empty signatures; the real ones will be 64 bytes each. */
function simulatedSignatureBytes(ctx: Context, tx: DecodedTx): number {
  if (!ctx.isSimulate) return 0;
  return tx.raw.signatures.reduce((n, sig) => n + (sig.length === 0 ? 64 : 0), 0);
}

/** Stateless checks; returns the tx's signers (each msg's signers, first appearance order). */
function validateBasic(tx: DecodedTx, router: MsgRouter): Uint8Array[] {
  if (tx.body.extensionOptions.length > 0) {
    throw errors.ErrUnknownExtensionOptions.wrap(`unknown extension option ${tx.body.extensionOptions[0]!.typeUrl}`);
  }
  if (tx.raw.signatures.length === 0) throw errors.ErrNoSignatures.wrap("tx has no signatures");
  const seen = new Set<string>();
  const signers: Uint8Array[] = [];
  for (const msg of tx.msgs) {
    const route = router.route(msg.typeUrl);
    if (!route) throw errors.ErrUnknownRequest.wrap(`no message handler for ${msg.typeUrl}`);
    route.validateBasic?.(msg.value);
    for (const signer of route.signers(msg.value)) {
      if (!seen.has(signer)) {
        seen.add(signer);
        signers.push(fromAccAddress(signer));
      }
    }
  }
  if (tx.raw.signatures.length !== signers.length) {
    throw errors.ErrUnauthorized.wrap(`wrong number of signers; expected ${signers.length}, got ${tx.raw.signatures.length}`);
  }
  if (tx.authInfo.signerInfos.length !== signers.length) {
    throw errors.ErrUnauthorized.wrap(`wrong number of signer infos; expected ${signers.length}, got ${tx.authInfo.signerInfos.length}`);
  }
  return signers;
}

function checkTimeoutHeight(ctx: Context, tx: DecodedTx): void {
  const timeout = tx.body.timeoutHeight;
  if (timeout > 0n && ctx.height > timeout) {
    throw errors.ErrTxTimeoutHeight.wrap(`block height: ${ctx.height}, timeout height: ${timeout}`);
  }
}

function deductFee(ctx: Context, tx: DecodedTx, signers: Uint8Array[], options: AnteOptions): void {
  const feeInfo = tx.authInfo.fee!;
  const fee = Coins.fromProto(feeInfo.amount);
  if (feeInfo.granter) throw errors.ErrNotSupported.wrap("fee grants are not supported");
  const payer = feeInfo.payer ? fromAccAddress(feeInfo.payer) : signers[0]!;
  if (ctx.isCheckTx) checkMinGasPrices(fee, feeInfo.gasLimit, options.minGasPrices());
  if (!options.accounts.hasAccount(ctx, payer)) {
    throw errors.ErrUnknownAddress.wrap(`fee payer address: ${toAccAddress(payer)} does not exist`);
  }
  if (ctx.isSimulate && fee.isZero()) chargeSimulatedFee(ctx, payer, options);
  if (!fee.isZero()) {
    try {
      options.bank.sendCoinsFromAccountToModule(ctx, payer, FEE_COLLECTOR, fee);
    } catch (err) {
      if (errors.ErrInsufficientFunds.is(err)) {
        throw errors.ErrInsufficientFunds.wrap(`insufficient funds to pay for fees; ${(err as Error).message.replace(/: insufficient funds$/, "")}`);
      }
      throw err;
    }
  }
  ctx.events.emit("tx", { fee: fee.toString(), fee_payer: toAccAddress(payer) });
}

/**
 * Wallets simulate with an empty fee, yet the real tx pays one: meter a fee transfer in a
 * discarded branch so the estimate includes its cost (a payer without funds simply stops early).
 */
function chargeSimulatedFee(ctx: Context, payer: Uint8Array, options: AnteOptions): void {
  const denom = options.minGasPrices()[0]?.denom ?? options.feeDenom;
  try {
    options.bank.sendCoinsFromAccountToModule(ctx.withStore(branch(ctx.multiStore)), payer, FEE_COLLECTOR, Coins.of([{ denom, amount: 1n }]));
  } catch (err) {
    if (!errors.ErrInsufficientFunds.is(err)) throw err;
  }
}

function checkMinGasPrices(fee: Coins, gasLimit: bigint, prices: GasPrice[]): void {
  if (prices.length === 0) return;
  const required = prices.map((p) => ({ denom: p.denom, amount: requiredFee(p, gasLimit) }));
  if (required.every((r) => r.amount === 0n)) return;
  if (!required.some((r) => fee.amountOf(r.denom) >= r.amount)) {
    const wanted = required.map((r) => `${r.amount}${r.denom}`).join(",");
    throw errors.ErrInsufficientFee.wrap(`insufficient fees; got: ${fee.toString() || "0"} required: ${wanted}`);
  }
}

/** Each signer's public key: from the tx, checked against the address, saved on first use. */
function setPubKeys(ctx: Context, tx: DecodedTx, signers: Uint8Array[], accounts: AccountKeeper): Uint8Array[] {
  return signers.map((signer, i) => {
    const account = accounts.getAccount(ctx, signer);
    if (!account) throw errors.ErrUnknownAddress.wrap(`account ${toAccAddress(signer)} does not exist`);
    const fromTx = pubKeyFromAny(tx.authInfo.signerInfos[i]!.publicKey);
    if (!fromTx) {
      if (!account.pubKey) throw errors.ErrInvalidPubKey.wrap(`pubkey of account ${toAccAddress(signer)} is unknown: include it in the tx`);
      return account.pubKey;
    }
    if (account.pubKey && Buffer.compare(account.pubKey, fromTx) === 0) return fromTx;
    if (Buffer.compare(addressFromPubkey(fromTx), signer) !== 0) {
      throw errors.ErrInvalidPubKey.wrap(`pubkey does not match signer address ${toAccAddress(signer)} with signer index: ${i}`);
    }
    if (!account.pubKey) accounts.setAccount(ctx, { ...account, pubKey: fromTx });
    return fromTx;
  });
}

function verifySignatures(ctx: Context, tx: DecodedTx, signers: Uint8Array[], pubKeys: Uint8Array[], options: AnteOptions): void {
  signers.forEach((signer, i) => {
    const account = options.accounts.getAccount(ctx, signer)!;
    const info = tx.authInfo.signerInfos[i]!;
    if (info.sequence !== account.sequence) {
      throw errors.ErrWrongSequence.wrap(`account sequence mismatch, expected ${account.sequence}, got ${info.sequence}`);
    }
    const signature = tx.raw.signatures[i]!;
    ctx.events.emit("tx", { acc_seq: `${toAccAddress(signer)}/${account.sequence}` });
    ctx.events.emit("tx", { signature: Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString("base64") });
    // Wallets simulate with an empty signature and an unspecified sign mode; a ReCheck runs on
    // a tx whose signature CheckTx already verified.
    if (ctx.isSimulate || ctx.mode === "recheck") return;
    const mode = info.modeInfo?.single?.mode;
    if (mode !== SignMode.SIGN_MODE_DIRECT) {
      throw errors.ErrNotSupported.wrap(`sign mode ${mode === undefined ? "multi" : SignMode[mode] ?? mode} is not supported; sign with SIGN_MODE_DIRECT`);
    }
    const prof = txProfiler();
    const verifyStart = prof ? process.hrtime.bigint() : 0n;
    const digest = sha256(
      encodeProto(SignDoc, {
        bodyBytes: tx.raw.bodyBytes,
        authInfoBytes: tx.raw.authInfoBytes,
        chainId: ctx.chainId,
        // Gentxs are signed before the chain assigns account numbers: at genesis it is 0, as the SDK's.
        accountNumber: ctx.mode === "genesis" ? 0n : account.accountNumber,
      }),
    );
    const pubKey = pubKeys[i]!;
    const cached = ctx.mode === "finalize" && options.signatureCache.take(digest, pubKey, signature);
    if (!cached && !verifySecp256k1(signature, digest, pubKey)) {
      throw errors.ErrUnauthorized.wrap(
        `signature verification failed; please verify account number (${account.accountNumber}) and chain-id (${ctx.chainId})`,
      );
    }
    if (ctx.mode === "check") options.signatureCache.remember(digest, pubKey, signature);
    if (prof) prof.verify += process.hrtime.bigint() - verifyStart;
  });
}
