/**
 * Which versions the store keeps, as operators set it in app.toml (`pruning`,
 * `pruning-keep-recent`, `pruning-interval`) with the Cosmos SDK's meanings:
 *   default     the last 362880 versions, pruned every 10 commits
 *   nothing     every version
 *   everything  the last 2 versions, pruned every 10 commits
 *   custom      the last `pruning-keep-recent` (at least 2), every `pruning-interval` (at least 1)
 */
export interface PruningOptions {
  /** Versions kept, the latest included; 0 keeps all. */
  keepRecent: number;
  /** Prune every this many commits. */
  interval: number;
}

export const PRUNE_NOTHING: PruningOptions = { keepRecent: 0, interval: 0 };

export const PRUNING_STRATEGIES = ["default", "nothing", "everything", "custom"] as const;

export function pruningOptions(strategy: string, keepRecent?: string, interval?: string): PruningOptions {
  switch (strategy) {
    case "":
    case "default":
      return { keepRecent: 362_880, interval: 10 };
    case "nothing":
      return PRUNE_NOTHING;
    case "everything":
      return { keepRecent: 2, interval: 10 };
    case "custom": {
      const keep = wholeNumber("pruning-keep-recent", keepRecent);
      const every = wholeNumber("pruning-interval", interval);
      if (keep < 2) throw new Error(`pruning-keep-recent is ${keep}: custom pruning keeps at least 2 versions (use "everything" for the fewest)`);
      if (every < 1) throw new Error(`pruning-interval is ${every}: custom pruning needs an interval of at least 1`);
      return { keepRecent: keep, interval: every };
    }
    default:
      throw new Error(`pruning "${strategy}" is unknown: use one of ${PRUNING_STRATEGIES.join(", ")}`);
  }
}

function wholeNumber(name: string, text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text.trim())) throw new Error(`${name} must be a whole number with pruning = "custom", not ${JSON.stringify(text ?? "")}`);
  return Number(text.trim());
}
