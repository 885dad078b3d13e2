/** One query of a module's Query service through the node's ABCI query, as the CLI's queries make it. */
import { QueryClient } from "@cosmjs/stargate";
import { connectComet } from "@cosmjs/tendermint-rpc";
import { CliError } from "../cli.js";
import { normalizeNode, oneLine, withNode } from "./node.js";

export interface RequestCodec<Req> {
  encode(request: Req): { finish(): Uint8Array };
}

export interface ResponseCodec<Res> {
  decode(bytes: Uint8Array): Res;
}

/**
 * Asks `path` (e.g. "/agora.roles.v1.Query/HasRole") at the latest height; a chain error becomes
 * one line starting with `what failed:` (e.g. "query roles has failed: ...").
 */
export async function abciQuery<Req, Res>(node: string | undefined, what: string, path: string, reqType: RequestCodec<Req>, request: Req, resType: ResponseCodec<Res>): Promise<Res> {
  const url = normalizeNode(node);
  return withNode(url, async () => {
    const comet = await connectComet(url);
    try {
      const client = new QueryClient(comet);
      const res = await client.queryAbci(path, reqType.encode(request).finish());
      return resType.decode(res.value);
    } catch (err) {
      // The chain's refusal (CosmJS: "Query failed with (code): log"); anything else is the node's.
      const message = oneLine((err as Error).message);
      if (message.startsWith("Query failed")) throw new CliError(`${what} failed: ${message}`);
      throw err;
    } finally {
      comet.disconnect();
    }
  });
}
