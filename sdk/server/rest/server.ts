/**
 * The REST server (grpc-gateway paths on 1317) for explorers and wallets: the gateway over the
 * node's gRPC methods (queries, tx and tendermint services), open CORS, and /openapi.json.
 */
import cors from "@fastify/cors";
import { status } from "@grpc/grpc-js";
import Fastify, { type FastifyInstance } from "fastify";
import type { QueryCache } from "../cache/query-cache.js";
import type { RateLimiter } from "../cache/rate-limit.js";
import type { BaseApp } from "../../baseapp/baseapp.js";
import { CometRpc, rpcUrl } from "../grpc/comet-rpc.js";
import { nodeMethods } from "../grpc/server.js";
import { appIdentity, type AppIdentity } from "../grpc/tendermint-service.js";
import { GrpcError } from "../status.js";
import { gatewayBody, httpStatus } from "./errors.js";
import { gatewayRoutes } from "./gateway.js";
import { NODE_ROUTES } from "./node-routes.js";
import { openApiDocument } from "./openapi.js";
import { anyResolver } from "./proto-json.js";
import { queryRoutes } from "./query-routes.js";
import { fastifyPath, type RestRequest, type RestRoute } from "./route.js";

export interface RestServerOptions {
  /** CometBFT's RPC address (config.toml `[rpc] laddr`), for tx and block routes. */
  rpcAddress: string;
  /** What node_info names; by default the app's own name and version. */
  app?: AppIdentity;
  /** Access-Control-Allow-Origin: * (app.toml enabled-unsafe-cors); on unless false. */
  cors?: boolean;
  /** Logs failures that are the server's own fault (the client gets a 500). */
  onInternalError?: (err: unknown, url: string) => void;
  /** Caches query answers (Redis), when given. */
  cache?: QueryCache;
  /** Limits each client (by IP) to a token bucket (Redis), when given. */
  rateLimit?: RateLimiter;
}

/** Every route the server answers, in the order OpenAPI lists them, over the node's gRPC methods. */
export function restRoutes(base: BaseApp, rpc: CometRpc, options: Pick<RestServerOptions, "app" | "cache"> = {}): RestRoute[] {
  const methods = nodeMethods(base, { rpc, app: options.app ?? appIdentity(base), ...(options.cache ? { cache: options.cache } : {}) });
  const resolve = anyResolver(base.registry);
  return [...queryRoutes(methods, resolve), ...gatewayRoutes(methods, resolve, NODE_ROUTES)];
}

export async function createRestServer(base: BaseApp, options: RestServerOptions): Promise<FastifyInstance> {
  const server = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024 });
  if (options.cors !== false) await server.register(cors, { origin: "*", exposedHeaders: ["x-cosmos-block-height", "grpc-metadata-x-cosmos-block-height"] });
  const { rateLimit } = options;
  if (rateLimit) {
    server.addHook("onRequest", async (request, reply) => {
      const decision = await rateLimit.take(request.ip);
      if (decision.allowed) return;
      const error = new GrpcError(status.RESOURCE_EXHAUSTED, `rate limit exceeded for ${request.ip}: retry in ${decision.retryAfterSeconds} s`);
      return reply.status(httpStatus(error)).header("retry-after", String(decision.retryAfterSeconds)).send(gatewayBody(error));
    });
  }
  const rpc = new CometRpc(rpcUrl(options.rpcAddress));
  server.addHook("onClose", async () => rpc.close());
  const routes = restRoutes(base, rpc, options);
  const info = base.info();
  const document = openApiDocument(routes, { title: `${info.data} REST`, version: info.version });

  for (const route of routes) {
    server.route({
      method: route.method,
      url: fastifyPath(route.path),
      handler: async (request, reply) => {
        const answer = await route.handle(request as unknown as RestRequest);
        if (answer.height !== undefined) {
          // grpc-gateway forwards the height's gRPC header with this prefix; both names are read by clients.
          reply.header("x-cosmos-block-height", answer.height.toString());
          reply.header("grpc-metadata-x-cosmos-block-height", answer.height.toString());
        }
        return reply.type("application/json").send(JSON.stringify(answer.body));
      },
    });
  }
  server.get("/openapi.json", async () => document);
  server.get("/swagger", async (_request, reply) => reply.type("text/html").send(swaggerPage()));

  server.setNotFoundHandler((_request, reply) => {
    // What the SDK's gateway mux answers for a path it has no handler for.
    const error = new GrpcError(status.UNIMPLEMENTED, "Not Implemented");
    return reply.status(httpStatus(error)).send(gatewayBody(error));
  });
  server.setErrorHandler((err, request, reply) => {
    const error = toGrpcError(err);
    if (error.code === status.INTERNAL) options.onInternalError?.(err, request.url);
    return reply.status(httpStatus(error)).send(gatewayBody(error));
  });
  return server;
}

function toGrpcError(err: unknown): GrpcError {
  if (err instanceof GrpcError) return err;
  // fastify's own refusals (a malformed JSON body, too large a body) carry a 4xx status.
  const code = (err as { statusCode?: number }).statusCode;
  const message = err instanceof Error ? err.message : String(err);
  if (code !== undefined && code >= 400 && code < 500) return new GrpcError(status.INVALID_ARGUMENT, message);
  return new GrpcError(status.INTERNAL, message);
}

/** A page that lists the routes from /openapi.json (no external scripts: the node may be offline). */
function swaggerPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>REST routes</title></head><body>
<h1>REST routes</h1><p>The OpenAPI document: <a href="/openapi.json">/openapi.json</a></p><ul id="routes"></ul>
<script>fetch("/openapi.json").then(r=>r.json()).then(d=>{const ul=document.getElementById("routes");
for(const [p,ops] of Object.entries(d.paths))for(const [m,op] of Object.entries(ops)){const li=document.createElement("li");
li.textContent=m.toUpperCase()+" "+p+" — "+op.summary;ul.appendChild(li);}});</script></body></html>`;
}
