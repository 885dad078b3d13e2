/** What the circuit breaker needs from other modules. */
import type { RoleChecks } from "../roles/types.js";

/** Roles decide who trips (pauser) and who resets (the pauser role's admin role). */
export type CircuitRoleKeeper = Pick<RoleChecks, "requireAuthorityOrRole" | "adminRoleOf" | "hasRole"> & {
  /** The gov authority (bech32), which trips and resets without a role (the simulation's proposals use it). */
  readonly authority: string;
};
