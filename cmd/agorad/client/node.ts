/** The `--node` endpoint: normalising it and turning connection failures into one clear line. */
import { CliError, DEFAULT_NODE } from "../cli.js";

/** Accepts http(s)://host:port, or CometBFT's tcp://host:port; returns an http(s) URL without a trailing slash. */
export function normalizeNode(node: string = DEFAULT_NODE): string {
  let url: URL;
  try {
    url = new URL(node.replace(/^tcp:\/\//, "http://"));
  } catch {
    throw new CliError(`invalid --node "${node}": expected a URL like ${DEFAULT_NODE}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(`invalid --node "${node}": use http://, https:// or tcp://, e.g. ${DEFAULT_NODE}`);
  }
  return url.toString().replace(/\/$/, "");
}

/** Runs `fn` against `node`, rewording errors as one line (unreachable nodes get a hint). */
export async function withNode<T>(node: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw nodeError(node, err);
  }
}

export function nodeError(node: string, err: unknown): Error {
  if (err instanceof CliError) return err;
  const message = oneLine(err instanceof Error ? err.message : String(err));
  if (message === "fetch failed" || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|socket hang up/.test(message)) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? message;
    return new CliError(`cannot reach node ${node} (${reason}): is agorad running there? pass --node to use another`);
  }
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) {
    return new CliError(`node ${node} did not answer in time: check it is running and synced`);
  }
  return new CliError(message);
}

/** Collapses a multi-line message (e.g. a chain's raw log) into one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
