/** The cosmos.evidence.v1beta1 Query service: Evidence (by hex hash) and AllEvidence, as Anys. */
import { Equivocation } from "cosmjs-types/cosmos/evidence/v1beta1/evidence";
import * as q from "cosmjs-types/cosmos/evidence/v1beta1/query";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import { encodeProto } from "../../sdk/codec/encode.js";
import { paginate } from "../../sdk/types/pagination.js";
import { ErrInvalidRequest, ErrNotFound } from "../../sdk/types/sdk-errors.js";
import type { EvidenceKeeper } from "./keeper.js";

const service = "/cosmos.evidence.v1beta1.Query/";

export function packEquivocation(e: Equivocation): Any {
  return { typeUrl: Equivocation.typeUrl, value: encodeProto(Equivocation, e) };
}

export function registerEvidenceQueries(router: QueryRouter, keeper: EvidenceKeeper): void {
  router.register({
    path: service + "Evidence",
    requestType: q.QueryEvidenceRequest,
    responseType: q.QueryEvidenceResponse,
    handle(ctx, req) {
      if (req.evidenceHash.length > 0 && req.hash !== "") throw ErrInvalidRequest.wrap("give the hash or the deprecated evidence_hash, not both");
      const hash = req.hash !== "" ? Buffer.from(req.hash, "hex") : Buffer.from(req.evidenceHash);
      if (hash.length === 0 || (req.hash !== "" && !/^[0-9a-fA-F]+$/.test(req.hash))) throw ErrInvalidRequest.wrap("invalid evidence hash: give its hex sha256");
      const evidence = keeper.evidence.get(ctx, hash);
      if (!evidence) throw ErrNotFound.wrap(`evidence ${hash.toString("hex").toUpperCase()} not found`);
      return { evidence: packEquivocation(evidence) };
    },
  });
  router.register({
    path: service + "AllEvidence",
    requestType: q.QueryAllEvidenceRequest,
    responseType: q.QueryAllEvidenceResponse,
    handle(ctx, req) {
      const { items, pagination } = paginate([...keeper.evidence.entries(ctx)].map(([, e]) => packEquivocation(e)), req.pagination);
      return { evidence: items, pagination };
    },
  });
}
