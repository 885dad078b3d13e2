/**
 * app.toml `[crisis]`: how often this node checks every module's invariants at the end of
 * FinalizeBlock, halting when one breaks (after the Cosmos SDK's crisis module). Off by default:
 * the checks read the whole state.
 */
import { CliError } from "../cli.js";

/** The section init writes into app.toml. */
export const CRISIS_APP_TOML = [
  "[crisis]",
  "# Check every module's invariants (total supply equals the sum of balances, ...) every this many",
  "# blocks and halt the node with a report when one is broken (0: never). Each check reads the whole state.",
  "invariant-check-period = 0",
  "",
];

export function invariantCheckPeriod(config: Record<string, string>): number {
  const text = config["crisis.invariant-check-period"];
  if (text === undefined) return 0;
  if (!/^\d{1,15}$/.test(text)) throw new CliError(`app.toml [crisis] invariant-check-period must be a whole number of blocks (0: never), got "${text}"`);
  return Number(text);
}
