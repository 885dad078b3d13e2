/**
 * The upgrade handlers this binary carries, by plan name. Having a handler is what makes a binary
 * "new" for a plan: the old one halts at the plan's height, the new one migrates and goes on.
 */
import type { UpgradeHandler } from "./types.js";

export class UpgradeHandlers {
  private readonly byName = new Map<string, UpgradeHandler>();

  /** Registers the migrations of the plan `name`; each name once. */
  register(name: string, handler: UpgradeHandler): void {
    if (name.trim() === "") throw new Error("an upgrade handler needs the plan's name");
    if (this.byName.has(name)) throw new Error(`an upgrade handler for "${name}" is registered twice`);
    this.byName.set(name, handler);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): UpgradeHandler | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
