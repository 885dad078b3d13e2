/**
 * The app under the randomized simulation: a fresh in-process chain whose genesis funds many
 * accounts with seeded amounts, bonds a few of them as validators (gentxs), names an admin and a
 * pauser among them, and gives governance periods of a few blocks, driven by every module's
 * weighted operations.
 */
import type { Event, ResponseFinalizeBlock } from "cosmjs-types/tendermint/abci/types";
import { proposalStatusToJSON } from "cosmjs-types/cosmos/gov/v1/gov";
import type { AgoraApp } from "../../app/app.js";
import type { WeightedOp } from "../../sdk/simulation/operation.js";
import { Coins } from "../../sdk/types/coins.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { Rand } from "../../sdk/simulation/rand.js";
import { runSimulation, type SimulationReport } from "../../sdk/simulation/runner.js";
import { DEC_ONE, parseDec } from "../../sdk/types/dec.js";
import { paramsToJson } from "../../x/governance/params.js";
import { simulationSocialGenesis } from "../../x/social/simulation.js";
import { simulationGovParams } from "../../x/governance/simulation.js";
import { gentxToJson } from "../../x/genutil/gentx-json.js";
import { TestChain } from "./chain.js";
import { signTx, testAccount, type TestAccount } from "./signing.js";
import { consensusKey, createValidatorMsg } from "./staking.js";

export interface SimulationRun {
  seed: number;
  blocks: number;
  txsPerBlock?: number;
  accounts?: number;
  /** Operations beyond the modules' own (tests of the runner itself). */
  extraOps?: WeightedOp[];
  /** Called on the app before the first block, e.g. to register one more invariant. */
  prepare?(app: AgoraApp): void;
}

export interface SimulationSummary extends SimulationReport {
  /** Events of the txs, by type. */
  txEvents: Record<string, number>;
  /**
   * Events of the blocks themselves (begin and end block), by type, and by
   * "<type>:<proposal_result>" for the end of proposals' periods.
   */
  blockEvents: Record<string, number>;
  /** Proposals left in state at the end, by status ("PROPOSAL_STATUS_PASSED", ...). */
  proposals: Record<string, number>;
  /**
   * Rejected proposals whose tally reached quorum and a veto (turnout measured after their block,
   * when refunds may have added power: a veto is never counted that was not one).
   */
  vetoed: number;
}

const FEE = { denom: "uagora", amount: 2000n };
/** Accounts bonded as validators at genesis: governance's voting power is their stake and their delegators'. */
const GENESIS_VALIDATORS = 5;

/**
 * Genesis: every account funded with uagora, about half with uatom too, amounts from the seed;
 * the first GENESIS_VALIDATORS accounts bond half their uagora each by gentx; the first account
 * holds `admin`, the second `pauser`, the third `arbiter`, the fourth `moderator`; governance's
 * periods are a few seconds, and the runner's blocks are a second apart.
 */
async function genesis(accounts: TestAccount[], rand: Rand, chainId: string): Promise<Record<string, unknown>> {
  const govParams = paramsToJson(simulationGovParams(rand));
  const balances = accounts.map(() =>
    Coins.of([
      { denom: "uagora", amount: rand.between(10_000n, 10_000_000_000n) },
      { denom: "uatom", amount: rand.int(2) === 0 ? rand.between(1n, 1_000_000n) : 0n },
    ]),
  );
  const gentxs = await Promise.all(
    accounts.slice(0, GENESIS_VALIDATORS).map(async (operator, i) => {
      const selfBond = balances[i]!.amountOf("uagora") / 2n;
      const bytes = await signTx(operator, [createValidatorMsg(operator.address, selfBond, consensusKey(1000 + i))], { chainId, accountNumber: 0n, sequence: 0n, fee: [] });
      return gentxToJson(bytes);
    }),
  );
  return {
    roles: {
      grants: [
        { role: "admin", address: accounts[0]!.address },
        { role: "pauser", address: accounts[1 % accounts.length]!.address },
        { role: "arbiter", address: accounts[2 % accounts.length]!.address },
        { role: "moderator", address: accounts[3 % accounts.length]!.address },
      ],
    },
    // Short escrow timeouts, so orders release and decisions carry out within a run.
    commerce: { params: { marketplace_fee: "0.010000000000000000", release_timeout_seconds: "8", appeal_window_seconds: "10", max_review_length: 200, max_text_length: 64 } },
    governance: { params: govParams },
    social: simulationSocialGenesis(),
    auth: {
      accounts: accounts.map((a, i) => ({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: a.address, account_number: String(i), sequence: "0" })),
    },
    bank: { balances: accounts.map((a, i) => ({ address: a.address, coins: balances[i]!.toProto() })) },
    genutil: { gen_txs: gentxs },
  };
}

function tally(counts: Record<string, number>, events: readonly Event[]): void {
  for (const event of events) {
    counts[event.type] = (counts[event.type] ?? 0) + 1;
    const result = event.attributes.find((a) => a.key === "proposal_result")?.value;
    if (result) counts[`${event.type}:${result}`] = (counts[`${event.type}:${result}`] ?? 0) + 1;
  }
}

/** Proposals in state, by status. */
function proposalsByStatus(app: AgoraApp): Record<string, number> {
  const proposals: Record<string, number> = {};
  for (const [, proposal] of app.gov.proposals.entries(app.base.queryContext())) {
    const status = proposalStatusToJSON(proposal.status);
    proposals[status] = (proposals[status] ?? 0) + 1;
  }
  return proposals;
}

/** How many of the proposals rejected in a block just committed were vetoed. */
function vetoesIn(app: AgoraApp, blockEvents: readonly Event[]): number {
  const ctx = app.base.queryContext();
  const params = app.gov.getParams(ctx);
  // The tally counted the bonded tokens of the block that ended the proposal: the state just committed.
  const total = app.staking.totalBondedTokens(ctx);
  let vetoed = 0;
  for (const event of blockEvents) {
    const attribute = (key: string) => event.attributes.find((a) => a.key === key)?.value;
    if (event.type !== "active_proposal" || attribute("proposal_result") !== "proposal_rejected") continue;
    const proposal = app.gov.proposals.get(ctx, BigInt(attribute("proposal_id")!));
    const t = proposal?.finalTallyResult;
    if (!t) continue;
    const voted = BigInt(t.yesCount) + BigInt(t.noCount) + BigInt(t.abstainCount) + BigInt(t.noWithVetoCount);
    const quorate = voted * DEC_ONE >= parseDec(params.quorum) * total;
    if (quorate && BigInt(t.noWithVetoCount) * DEC_ONE > parseDec(params.vetoThreshold) * voted) vetoed++;
  }
  return vetoed;
}

/** Runs one simulation on a new chain and removes it; the report has the app hash of each block. */
export async function simulate(run: SimulationRun): Promise<SimulationSummary> {
  const accounts = await Promise.all(Array.from({ length: run.accounts ?? 40 }, (_, i) => testAccount(1000 + i)));
  const byAddress = new Map(accounts.map((a) => [a.address, a]));
  const chain = TestChain.open();
  try {
    chain.initChain(await genesis(accounts, new Rand(run.seed ^ 0x5eed), chain.chainId));
    chain.block([]);
    const { app } = chain;
    run.prepare?.(app);
    const txEvents: Record<string, number> = {};
    const blockEvents: Record<string, number> = {};
    let vetoed = 0;
    const report = await runSimulation({
      app: app.base,
      invariants: app.invariants,
      ops: [...app.modules.simulationOps(), ...(run.extraOps ?? [])],
      accounts: accounts.map((a) => a.address),
      // A redelegation withdraws rewards from two validators first: more than the 200000 gas default.
      sign: (signer, msgs, account, fee) =>
        signTx(byAddress.get(signer)!, msgs, { chainId: chain.chainId, ...account, fee: [{ denom: fee.denom, amount: fee.amount.toString() }], gas: 400_000n }),
      account: (ctx, address) => app.accounts.getAccount(ctx, fromAccAddress(address)),
      balance: (ctx, address, denom) => app.bank.getBalance(ctx, fromAccAddress(address), denom),
      fee: FEE,
      seed: run.seed,
      blocks: run.blocks,
      txsPerBlock: run.txsPerBlock ?? 10,
      lastHeight: chain.height,
      wrongSequenceWeight: 5,
      admit: (ctx, typeUrl) => app.base.msgRouter.admit(ctx, typeUrl),
      onBlock(_height, response: ResponseFinalizeBlock) {
        for (const result of response.txResults) tally(txEvents, result.events);
        tally(blockEvents, response.events);
        vetoed += vetoesIn(app, response.events);
      },
    });
    return { ...report, txEvents, blockEvents, proposals: proposalsByStatus(app), vetoed };
  } finally {
    await chain.destroy();
  }
}
