/**
 * Invariants, after the Cosmos SDK's crisis module: named checks over the whole state that must
 * hold after every block. Modules register theirs; the app runs them every N blocks (app.toml
 * `[crisis] invariant-check-period`) and the simulation after every block.
 */
import type { Context } from "../types/context.js";

export interface InvariantResult {
  broken: boolean;
  /** What was checked and, when broken, what was found instead. */
  message: string;
}

export type Invariant = (ctx: Context) => InvariantResult;

/** Thrown when an invariant does not hold: the state can no longer be trusted. */
export class InvariantBrokenError extends Error {
  constructor(
    readonly route: string,
    readonly report: string,
  ) {
    super(`invariant ${route} broken: ${report}`);
    this.name = "InvariantBrokenError";
  }
}

export class InvariantRegistry {
  private readonly byRoute = new Map<string, Invariant>();

  /** Registers `<module>/<name>`; a route registered twice is a wiring mistake. */
  register(module: string, name: string, invariant: Invariant): void {
    const route = `${module}/${name}`;
    if (this.byRoute.has(route)) throw new Error(`invariant ${route} is registered twice`);
    this.byRoute.set(route, invariant);
  }

  /** Routes (`bank/total-supply`, ...) in registration order. */
  routes(): string[] {
    return [...this.byRoute.keys()];
  }

  /** Runs one invariant; throws for an unknown route, naming the known ones. */
  check(ctx: Context, route: string): InvariantResult {
    const invariant = this.byRoute.get(route);
    if (!invariant) throw new Error(`no invariant ${route}: the registered ones are ${this.routes().join(", ")}`);
    return runChecked(invariant, ctx);
  }

  /** Runs every invariant in registration order; throws InvariantBrokenError at the first broken one. */
  assertAll(ctx: Context): void {
    for (const [route, invariant] of this.byRoute) {
      const { broken, message } = runChecked(invariant, ctx);
      if (broken) throw new InvariantBrokenError(route, message);
    }
  }
}

/** A state the invariant cannot even read (an undecodable value, say) breaks it too. */
function runChecked(invariant: Invariant, ctx: Context): InvariantResult {
  try {
    return invariant(ctx);
  } catch (err) {
    return { broken: true, message: `the state could not be checked: ${err instanceof Error ? err.message : String(err)}` };
  }
}
