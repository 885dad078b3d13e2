/**
 * The genesis flow operators know from the SDK: `genesis gentx` signs a MsgCreateValidator with
 * the operator's key and the node's consensus key into config/gentx/, `genesis collect-gentxs`
 * puts every gentx into app_state.genutil.gen_txs (CometBFT's validators then stay empty: the
 * app's InitChain answers them), `genesis validate` runs the genesis through InitChain in a
 * scratch store, as the chain will.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeSecp256k1Pubkey } from "@cosmjs/amino";
import { encodePubkey, makeAuthInfoBytes, makeSignDoc } from "@cosmjs/proto-signing";
import type { Command } from "commander";
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { MsgCreateValidator } from "cosmjs-types/cosmos/staking/v1beta1/tx";
import { TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { pino } from "pino";
import { createApp } from "../../../app/app.js";
import { encodeProto } from "../../../sdk/codec/encode.js";
import { fromAccAddress, toAccAddress } from "../../../sdk/types/address.js";
import { Coins } from "../../../sdk/types/coins.js";
import type { Json } from "../../../sdk/server/rest/proto-json.js";
import { gentxFromJson, gentxToJson } from "../../../x/genutil/gentx-json.js";
import { gentxMessage } from "../../../x/genutil/module.js";
import { parseDec } from "../../../sdk/types/dec.js";
import { ED25519_PUBKEY_TYPE, VALOPER_PREFIX } from "../../../x/staking/types.js";
import { CliError, globalOptions, printResult } from "../cli.js";
import type { Keyring } from "../keys/keyring.js";
import { addKeyringOptions, keyringFromFlags, type KeyringFlags } from "../keys/options.js";
import { genesisJson, readGenesis, writeGenesis, type GenesisFile } from "./home.js";

interface GentxFlags extends KeyringFlags {
  moniker?: string;
  chainId?: string;
  commissionRate: string;
  commissionMaxRate: string;
  commissionMaxChangeRate: string;
  minSelfDelegation: string;
  details?: string;
  website?: string;
}

const gentxDir = (home: string) => join(home, "config", "gentx");

/** The SDK's defaults for a new validator's commission and min self-delegation. */
export const DEFAULT_COMMISSION = { rate: "0.1", maxRate: "0.2", maxChangeRate: "0.01", minSelfDelegation: "1" };

/** The node's ed25519 consensus public key, from CometBFT's priv_validator_key.json. */
export function consensusPubkey(home: string): Uint8Array {
  const path = join(home, "config", "priv_validator_key.json");
  let key: { pub_key?: { type?: string; value?: string } };
  try {
    key = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new CliError(`cannot read the node's consensus key ${path}: ${(err as Error).message}; run \`agorad init\` first`);
  }
  if (key.pub_key?.type !== "tendermint/PubKeyEd25519" || !key.pub_key.value) throw new CliError(`${path} holds no ed25519 public key`);
  return Buffer.from(key.pub_key.value, "base64");
}

function rate(text: string, flag: string): string {
  try {
    return parseDec(text, flag).toString();
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

export interface GentxOptions {
  home: string;
  /** The genesis the gentx is for: its chain id, and the operator's funds in it. */
  genesis: GenesisFile;
  keyring: Keyring;
  keyName: string;
  /** The self-delegation, e.g. "1000000uagora". */
  amount: string;
  moniker?: string;
  chainId?: string;
  commissionRate?: string;
  commissionMaxRate?: string;
  commissionMaxChangeRate?: string;
  minSelfDelegation?: string;
  details?: string;
  website?: string;
}

/**
 * Signs the gentx of `keyName` with the node's consensus key at `home` and writes it to the
 * node's config/gentx/, as `agorad genesis gentx` does. Returns the file, the validator's
 * operator address and the gentx's JSON.
 */
export async function writeGentx(opts: GentxOptions): Promise<{ file: string; validator: string; json: Json }> {
  const { home, genesis: file, keyring, keyName } = opts;
  const chainId = opts.chainId ?? file.chain_id;
  if (chainId !== file.chain_id) throw new CliError(`--chain-id ${chainId} does not match the genesis file's ${file.chain_id}`);
  const amount = Coins.parse(opts.amount);
  if (amount.list.length !== 1) throw new CliError(`give the self-delegation as one amount of the bond denom, e.g. 1000000uagora; got "${opts.amount}"`);
  const operator = (await keyring.show(keyName)).address;
  const held = file.app_state.bank?.balances?.find((b) => b.address === operator);
  const coin = amount.list[0]!;
  if (BigInt(held?.coins.find((c) => c.denom === coin.denom)?.amount ?? "0") < coin.amount) {
    throw new CliError(`${operator} holds less than ${amount} in genesis: fund it first with \`agorad genesis add-genesis-account ${keyName} <coins>\``);
  }
  const moniker = opts.moniker ?? /^moniker\s*=\s*"([^"]*)"/m.exec(readFileSync(join(home, "config", "config.toml"), "utf8"))?.[1] ?? keyName;
  const msg = MsgCreateValidator.fromPartial({
    description: { moniker, details: opts.details ?? "", website: opts.website ?? "" },
    commission: {
      rate: rate(opts.commissionRate ?? DEFAULT_COMMISSION.rate, "--commission-rate"),
      maxRate: rate(opts.commissionMaxRate ?? DEFAULT_COMMISSION.maxRate, "--commission-max-rate"),
      maxChangeRate: rate(opts.commissionMaxChangeRate ?? DEFAULT_COMMISSION.maxChangeRate, "--commission-max-change-rate"),
    },
    minSelfDelegation: opts.minSelfDelegation ?? DEFAULT_COMMISSION.minSelfDelegation,
    delegatorAddress: "",
    validatorAddress: toAccAddress(fromAccAddress(operator), VALOPER_PREFIX),
    pubkey: { typeUrl: ED25519_PUBKEY_TYPE, value: encodeProto(Ed25519PubKey, { key: consensusPubkey(home) }) },
    value: { denom: coin.denom, amount: coin.amount.toString() },
  });
  const signer = await keyring.signer(keyName);
  const [account] = await signer.getAccounts();
  const bodyBytes = encodeProto(TxBody, TxBody.fromPartial({ messages: [{ typeUrl: MsgCreateValidator.typeUrl, value: encodeProto(MsgCreateValidator, msg) }] }));
  const authInfoBytes = makeAuthInfoBytes([{ pubkey: encodePubkey(encodeSecp256k1Pubkey(account!.pubkey)), sequence: 0 }], [], 200_000, undefined, undefined);
  // At genesis accounts have no number yet: gentxs are signed for account number 0.
  const { signature } = await signer.signDirect(operator, makeSignDoc(bodyBytes, authInfoBytes, chainId, 0));
  const txBytes = TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [Buffer.from(signature.signature, "base64")] }).finish();
  const json = gentxToJson(txBytes);
  if (Buffer.compare(Buffer.from(gentxFromJson(json)), Buffer.from(txBytes)) !== 0) throw new CliError("the gentx does not read back as the bytes signed; please report this");
  mkdirSync(gentxDir(home), { recursive: true });
  const path = join(gentxDir(home), `gentx-${msg.validatorAddress}.json`);
  writeFileSync(path, JSON.stringify(json, null, 2) + "\n");
  return { file: path, validator: msg.validatorAddress, json };
}

/** The gentxs as the genesis's first validators; CometBFT's own list is emptied: the app's InitChain answers it, as with the SDK. */
export function putGentxs(genesis: GenesisFile, gentxs: unknown[]): void {
  genesis.app_state.genutil = { gen_txs: gentxs };
  genesis.validators = [];
}

export function registerGentxCommands(genesis: Command): void {
  addKeyringOptions(
    genesis
      .command("gentx <key> <amount>")
      .description("sign a create-validator tx for genesis with <key>, self-delegating <amount> (e.g. 1000000uagora), with this node's consensus key")
      .option("--moniker <name>", "the validator's name (default: the node's moniker)")
      .option("--chain-id <id>", "chain id (default: the genesis file's)")
      .option("--commission-rate <rate>", "initial commission rate", DEFAULT_COMMISSION.rate)
      .option("--commission-max-rate <rate>", "highest commission rate ever allowed", DEFAULT_COMMISSION.maxRate)
      .option("--commission-max-change-rate <rate>", "largest commission change per day", DEFAULT_COMMISSION.maxChangeRate)
      .option("--min-self-delegation <amount>", "least self-delegation the validator keeps (uagora)", DEFAULT_COMMISSION.minSelfDelegation)
      .option("--details <text>", "the validator's description")
      .option("--website <url>", "the validator's website"),
  ).action(async (keyName: string, amountText: string, flags: GentxFlags, command: Command) => {
    const { home, output } = globalOptions(command);
    const written = await writeGentx({ ...flags, home, genesis: readGenesis(home), keyring: keyringFromFlags(home, flags), keyName, amount: amountText });
    printResult({ home, output }, { file: written.file, validator: written.validator }, `wrote the gentx of ${written.validator} to ${written.file}`);
  });

  genesis
    .command("collect-gentxs")
    .description("put every gentx of config/gentx/ into the genesis (the chain's first validators)")
    .option("--gentx-dir <dir>", "where the gentxs are (default: <home>/config/gentx)")
    .action((flags: { gentxDir?: string }, command: Command) => {
      const { home, output } = globalOptions(command);
      const dir = flags.gentxDir ?? gentxDir(home);
      let names: string[];
      try {
        names = readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
      } catch {
        throw new CliError(`no gentx directory ${dir}: run \`agorad genesis gentx\` first`);
      }
      if (names.length === 0) throw new CliError(`no gentx in ${dir}: run \`agorad genesis gentx\` first`);
      const txs = names.map((name) => {
        const json = JSON.parse(readFileSync(join(dir, name), "utf8")) as unknown;
        try {
          gentxMessage(gentxFromJson(json));
        } catch (err) {
          throw new CliError(`${join(dir, name)} is not a gentx: ${(err as Error).message}`);
        }
        return json;
      });
      const file = readGenesis(home);
      putGentxs(file, txs);
      writeGenesis(home, file);
      printResult({ home, output }, { gentxs: names.length }, `collected ${names.length} gentx(s) into ${genesisJson(home)}`);
    });

  genesis
    .command("validate")
    .description("check the genesis file: every module's section and the gentxs, through InitChain in a scratch store")
    .argument("[file]", "genesis file (default: the node's)")
    .action(async (path: string | undefined, _flags: unknown, command: Command) => {
      const { home, output } = globalOptions(command);
      const file = path ?? genesisJson(home);
      let genesis: { chain_id?: string; app_state?: unknown; initial_height?: string; genesis_time?: string };
      try {
        genesis = JSON.parse(readFileSync(file, "utf8"));
      } catch (err) {
        throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
      }
      if (!genesis.chain_id) throw new CliError(`${file} has no chain_id`);
      const scratch = mkdtempSync(join(tmpdir(), "agora-validate-"));
      const app = createApp({ home: scratch, chainId: genesis.chain_id, logger: pino({ level: "silent" }) });
      let validators = 0;
      try {
        const time = Date.parse(genesis.genesis_time ?? "1970-01-01T00:00:00Z");
        const response = app.base.initChain({
          time: { seconds: BigInt(Math.floor(time / 1000)), nanos: 0 },
          chainId: genesis.chain_id,
          validators: [],
          appStateBytes: Buffer.from(JSON.stringify(genesis.app_state ?? {})),
          initialHeight: BigInt(genesis.initial_height ?? "1"),
        });
        validators = response.validators.length;
      } catch (err) {
        throw new CliError(`${file} is not a valid genesis: ${(err as Error).message}`);
      } finally {
        await app.base.store.close();
        rmSync(scratch, { recursive: true, force: true });
      }
      printResult({ home, output }, { file, valid: true, validators }, `${file} is a valid genesis with ${validators} validator(s)`);
    });
}
