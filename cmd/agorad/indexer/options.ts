/** Option parsing shared by the indexer's commands. */
import { InvalidArgumentError } from "commander";

export const DEFAULT_INDEXER_PG = "postgres://postgres@127.0.0.1:5432/agora_indexer";

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive integer, got ${value}`);
  return n;
}
