/** Evidence names, errors (the SDK's `evidence` codespace and codes) and the default max age. */
import type { EvidenceParams } from "cosmjs-types/tendermint/types/params";
import { register } from "../../sdk/types/errors.js";

export const EVIDENCE_MODULE = "evidence";
export const EVIDENCE_STORE = "evidence";

const cs = "evidence";
export const ErrInvalidEvidence = register(cs, 3, "invalid evidence");
export const ErrNoEvidenceExists = register(cs, 4, "evidence does not exist");

/**
 * How old evidence may be and still be punished: CometBFT's defaults for consensus_params.evidence
 * (100000 blocks, 48 h). Evidence is too old only when it is older in both.
 */
export function defaultEvidenceParams(): EvidenceParams {
  return { maxAgeNumBlocks: 100_000n, maxAgeDuration: { seconds: 172_800n, nanos: 0 }, maxBytes: 1_048_576n };
}
