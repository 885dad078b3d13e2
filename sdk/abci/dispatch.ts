/**
 * Routes one decoded ABCI Request to the application and turns the outcome
 * into an encoded Response, applying the error policy in one place: a thrown
 * error becomes an `exception` response, except for the two verification
 * methods, where CometBFT treats UNKNOWN as fatal and an exception would halt
 * the node; for those a failure means "not valid", i.e. REJECT.
 */
import type { Logger } from "pino";
import {
  type Request,
  Response,
  ResponseProcessProposal_ProposalStatus as ProposalStatus,
  ResponseVerifyVoteExtension_VerifyStatus as VerifyStatus,
} from "cosmjs-types/tendermint/abci/types";
import type { AbciApplication } from "./application.js";

interface Route {
  method: string;
  call: () => Promise<Response>;
  onError: (error: string) => Response;
}

const exception = (error: string): Response => ({ exception: { error } });

/**
 * Told when FinalizeBlock or Commit fails: CometBFT stops on that exception, and the app's
 * block state cannot be trusted to carry on, so the process should end with the reason.
 */
export type FatalHandler = (method: string, err: unknown) => void;

const FATAL_METHODS = new Set(["finalizeBlock", "commit"]);

/** Runs the request and returns the protobuf-encoded Response (never throws). */
export async function dispatch(app: AbciApplication, req: Request, log: Logger, onFatal?: FatalHandler): Promise<Uint8Array> {
  const route = routeOf(app, req);
  if (route === undefined) {
    log.warn("unknown ABCI request type");
    return Response.encode(exception("unknown request type")).finish();
  }
  try {
    // Encoding inside the try: a malformed app response is an app failure too.
    return Response.encode(await route.call()).finish();
  } catch (err) {
    log.error({ err, method: route.method }, "ABCI application method failed");
    const reason = err instanceof Error ? err.message : String(err);
    if (FATAL_METHODS.has(route.method)) onFatal?.(route.method, err);
    return Response.encode(route.onError(`${route.method}: ${reason}`)).finish();
  }
}

/** Only ACCEPT and REJECT are decisions; UNKNOWN would crash CometBFT. */
function decided<T extends { status: number }>(method: string, res: T, accept: number, reject: number): T {
  if (res.status !== accept && res.status !== reject) {
    throw new Error(`${method} returned status ${res.status}, expected ACCEPT or REJECT`);
  }
  return res;
}

function routeOf(app: AbciApplication, req: Request): Route | undefined {
  const route = (method: string, call: () => Promise<Response>, onError = exception): Route => ({
    method,
    call,
    onError,
  });
  const { echo, info, initChain, query, checkTx, commit, listSnapshots, offerSnapshot } = req;
  const { loadSnapshotChunk, applySnapshotChunk, prepareProposal, processProposal, extendVote } = req;
  const { verifyVoteExtension, finalizeBlock } = req;

  if (echo) return route("echo", async () => ({ echo: { message: echo.message } }));
  if (info) return route("info", async () => ({ info: await app.info(info) }));
  if (initChain) return route("initChain", async () => ({ initChain: await app.initChain(initChain) }));
  if (query) return route("query", async () => ({ query: await app.query(query) }));
  if (checkTx) return route("checkTx", async () => ({ checkTx: await app.checkTx(checkTx) }));
  if (commit) return route("commit", async () => ({ commit: await app.commit(commit) }));
  if (listSnapshots) {
    return route("listSnapshots", async () => ({ listSnapshots: await app.listSnapshots(listSnapshots) }));
  }
  if (offerSnapshot) {
    return route("offerSnapshot", async () => ({ offerSnapshot: await app.offerSnapshot(offerSnapshot) }));
  }
  if (loadSnapshotChunk) {
    return route("loadSnapshotChunk", async () => ({
      loadSnapshotChunk: await app.loadSnapshotChunk(loadSnapshotChunk),
    }));
  }
  if (applySnapshotChunk) {
    return route("applySnapshotChunk", async () => ({
      applySnapshotChunk: await app.applySnapshotChunk(applySnapshotChunk),
    }));
  }
  if (prepareProposal) {
    return route("prepareProposal", async () => ({ prepareProposal: await app.prepareProposal(prepareProposal) }));
  }
  if (processProposal) {
    return route(
      "processProposal",
      async () => {
        const res = await app.processProposal(processProposal);
        return { processProposal: decided("processProposal", res, ProposalStatus.ACCEPT, ProposalStatus.REJECT) };
      },
      () => ({ processProposal: { status: ProposalStatus.REJECT } }),
    );
  }
  if (extendVote) return route("extendVote", async () => ({ extendVote: await app.extendVote(extendVote) }));
  if (verifyVoteExtension) {
    return route(
      "verifyVoteExtension",
      async () => {
        const res = await app.verifyVoteExtension(verifyVoteExtension);
        return { verifyVoteExtension: decided("verifyVoteExtension", res, VerifyStatus.ACCEPT, VerifyStatus.REJECT) };
      },
      () => ({ verifyVoteExtension: { status: VerifyStatus.REJECT } }),
    );
  }
  if (finalizeBlock) return route("finalizeBlock", async () => ({ finalizeBlock: await app.finalizeBlock(finalizeBlock) }));
  return undefined;
}
