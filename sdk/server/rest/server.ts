/**
 * The REST server (grpc-gateway paths on 1317) for explorers and wallets: Query routes over
 * BaseApp.query, tx and chain routes over CometBFT's RPC, open CORS, and /openapi.json.
 */
import cors from "@fastify/cors";
import Fastify, { type FastifyInstance } from "fastify";
import { queryThrough, type QueryCache } from "../cache/query-cache.js";
import type { RateLimiter } from "../cache/rate-limit.js";
import type { BaseApp } from "../../baseapp/baseapp.js";
import { CometRpc } from "./comet-rpc.js";
import { GatewayError, GrpcCode } from "./errors.js";
import { openApiDocument } from "./openapi.js";
import { anyResolver } from "./proto-json.js";
import { queryRoutes } from "./query-routes.js";
import { fastifyPath, type RestRequest, type RestRoute } from "./route.js";
import { tendermintRoutes } from "./tendermint-routes.js";
import { txRoutes } from "./tx-routes.js";

export interface RestServerOptions {
  /** CometBFT's RPC address (config.toml `[rpc] laddr`), for tx and block routes. */
  rpcAddress: string;
  /** Access-Control-Allow-Origin: * (app.toml enabled-unsafe-cors); on unless false. */
  cors?: boolean;
  /** Logs failures that are the server's own fault (the client gets a 500). */
  onInternalError?: (err: unknown, url: string) => void;
  /** Caches query answers (Redis), when given. */
  cache?: QueryCache;
  /** Limits each client (by IP) to a token bucket (Redis), when given. */
  rateLimit?: RateLimiter;
}

/** Every route the server answers, in the order OpenAPI lists them. */
export function restRoutes(base: BaseApp, rpcAddress: string, cache?: QueryCache): RestRoute[] {
  const resolve = anyResolver(base.registry);
  const rpc = new CometRpc(rpcAddress);
  return [...queryRoutes(base, resolve, queryThrough(base, cache)), ...txRoutes(base, rpc, resolve), ...tendermintRoutes(base, rpc)];
}

export async function createRestServer(base: BaseApp, options: RestServerOptions): Promise<FastifyInstance> {
  const server = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024 });
  if (options.cors !== false) await server.register(cors, { origin: "*", exposedHeaders: ["x-cosmos-block-height", "grpc-metadata-x-cosmos-block-height"] });
  const { rateLimit } = options;
  if (rateLimit) {
    server.addHook("onRequest", async (request, reply) => {
      const decision = await rateLimit.take(request.ip);
      if (decision.allowed) return;
      const error = new GatewayError(GrpcCode.RESOURCE_EXHAUSTED, `rate limit exceeded for ${request.ip}: retry in ${decision.retryAfterSeconds} s`);
      return reply.status(error.httpStatus).header("retry-after", String(decision.retryAfterSeconds)).send(error.body());
    });
  }
  const routes = restRoutes(base, options.rpcAddress, options.cache);
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
    const error = new GatewayError(GrpcCode.UNIMPLEMENTED, "Not Implemented");
    return reply.status(error.httpStatus).send(error.body());
  });
  server.setErrorHandler((err, request, reply) => {
    const error = toGatewayError(err);
    if (error.grpcCode === GrpcCode.INTERNAL) options.onInternalError?.(err, request.url);
    return reply.status(error.httpStatus).send(error.body());
  });
  return server;
}

function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  // fastify's own refusals (a malformed JSON body, too large a body) carry a 4xx status.
  const status = (err as { statusCode?: number }).statusCode;
  const message = err instanceof Error ? err.message : String(err);
  if (status !== undefined && status >= 400 && status < 500) return new GatewayError(GrpcCode.INVALID_ARGUMENT, message);
  return new GatewayError(GrpcCode.INTERNAL, message);
}

/** A page that lists the routes from /openapi.json (no external scripts: the node may be offline). */
function swaggerPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>REST routes</title></head><body>
<h1>REST routes</h1><p>The OpenAPI document: <a href="/openapi.json">/openapi.json</a></p><ul id="routes"></ul>
<script>fetch("/openapi.json").then(r=>r.json()).then(d=>{const ul=document.getElementById("routes");
for(const [p,ops] of Object.entries(d.paths))for(const [m,op] of Object.entries(ops)){const li=document.createElement("li");
li.textContent=m.toUpperCase()+" "+p+" — "+op.summary;ul.appendChild(li);}});</script></body></html>`;
}
