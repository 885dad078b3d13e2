/**
 * The circuit breaker's simulation operations: a pauser trips random pausable types (or all of
 * them), the pauser role's admin resets them, and accounts without those roles are refused. Trips
 * and resets run last in their block, so every other tx meets the pause state it was planned
 * against (the runner refuses a planned tx whose type is paused at the block's start).
 */
import { MsgResetCircuitBreaker, MsgTripCircuitBreaker } from "cosmjs-types/cosmos/circuit/v1/tx";
import { failsWith, SUCCEEDS, type SimMsg, type SimView, type WeightedOp, type WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Rand } from "../../sdk/simulation/rand.js";
import { ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import { claimHolder } from "../roles/simulation.js";
import { PAUSER_ROLE } from "../roles/types.js";
import type { CircuitRoleKeeper } from "./expected-keepers.js";
import type { CircuitKeeper } from "./keeper.js";
import { ErrNotPaused } from "./types.js";

const trip = (authority: string, msgTypeUrls: string[]): SimMsg => ({
  typeUrl: MsgTripCircuitBreaker.typeUrl,
  value: MsgTripCircuitBreaker.encode({ authority, msgTypeUrls }).finish(),
});

const reset = (authority: string, msgTypeUrls: string[]): SimMsg => ({
  typeUrl: MsgResetCircuitBreaker.typeUrl,
  value: MsgResetCircuitBreaker.encode({ authority, msgTypeUrls }).finish(),
});

/** [] (every pausable type) a quarter of the time, else one of them. */
function tripList(rand: Rand, pausable: readonly string[]): string[] {
  return rand.int(4) === 0 || pausable.length === 0 ? [] : [rand.pick(pausable)];
}

/** A random non-empty subset of `paused`, in its order, or [] (all) half the time. */
function resetList(rand: Rand, paused: readonly string[]): string[] {
  if (rand.int(2) === 0) return [];
  const some = paused.filter(() => rand.int(2) === 0);
  return some.length ? some : [rand.pick(paused)];
}

/**
 * `pausable`: the type URLs a pause may cover (the router's, known once messages are registered).
 */
export function circuitSimulationOps(keeper: CircuitKeeper, roles: CircuitRoleKeeper, pausable: () => string[]): WeightedOp[] {
  /** The role whose holders reset (the pauser role's admin role). */
  const resetter = (view: SimView) => roles.adminRoleOf(view.ctx, PAUSER_ROLE);
  return [
    {
      name: "circuit/trip",
      weight: 1,
      plan(rand, view) {
        const signer = claimHolder(rand, view, roles, PAUSER_ROLE);
        if (!signer) return undefined;
        return { signer, msgs: [trip(signer, tripList(rand, pausable()))], expect: SUCCEEDS, runsLast: true };
      },
    },
    {
      name: "circuit/reset",
      weight: 10,
      plan(rand, view) {
        const paused = keeper.disabledList(view.ctx);
        if (paused.length === 0) return undefined;
        const signer = claimHolder(rand, view, roles, resetter(view));
        if (!signer) return undefined;
        return { signer, msgs: [reset(signer, resetList(rand, paused))], expect: SUCCEEDS, runsLast: true };
      },
    },
    {
      name: "circuit/reset-not-paused",
      weight: 1,
      plan(rand, view) {
        const running = pausable().filter((typeUrl) => keeper.isAllowed(view.ctx, typeUrl));
        if (running.length === 0) return undefined;
        const signer = claimHolder(rand, view, roles, resetter(view));
        if (!signer) return undefined;
        return { signer, msgs: [reset(signer, [rand.pick(running)])], expect: failsWith(ErrNotPaused) };
      },
    },
    {
      name: "circuit/trip-by-non-pauser",
      weight: 1,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        if (!signer || roles.hasRole(view.ctx, PAUSER_ROLE, signer)) return undefined;
        return { signer, msgs: [trip(signer, tripList(rand, pausable()))], expect: failsWith(ErrUnauthorized) };
      },
    },
    {
      name: "circuit/reset-by-non-admin",
      weight: 1,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        if (!signer || roles.hasRole(view.ctx, resetter(view), signer)) return undefined;
        return { signer, msgs: [reset(signer, [])], expect: failsWith(ErrUnauthorized) };
      },
    },
  ];
}

/** The gov authority trips one type, or resumes everything; both always succeed when they run. */
export function circuitProposalMsgs(roles: CircuitRoleKeeper, pausable: () => string[]): WeightedProposalMsg[] {
  return [
    { name: "circuit/trip", weight: 1, build: (rand) => (pausable().length ? trip(roles.authority, [rand.pick(pausable())]) : undefined) },
    { name: "circuit/reset-all", weight: 1, build: () => reset(roles.authority, []) },
  ];
}
