/**
 * The node's gRPC endpoint (port 9090 by default): every module's Query service and tx Simulate
 * from the app's query router, the tx service's broadcast and lookups and the tendermint service
 * from CometBFT's RPC, and server reflection.
 */
import { Server, ServerCredentials } from "@grpc/grpc-js";
import type { EventEmitter } from "node:events";
import type { BaseApp } from "../../baseapp/baseapp.js";
import { queryThrough, type QueryCache } from "../cache/query-cache.js";
import type { RateLimiter } from "../cache/rate-limit.js";
import { addStreamService } from "../stream/grpc-service.js";
import type { BlockSource } from "../stream/subscribe.js";
import { CometRpc } from "./comet-rpc.js";
import { queryMethods } from "./query-methods.js";
import { addReflection } from "./reflection.js";
import { tendermintServiceMethods, type AppIdentity } from "./tendermint-service.js";
import { txServiceMethods } from "./tx-service.js";
import { addMethodTable, type MethodTable } from "./unary-methods.js";

export interface GrpcServerOptions {
  /** CometBFT's RPC URL (http://127.0.0.1:26657), for broadcasting and reading blocks and txs. */
  cometRpc: string;
  app: AppIdentity;
  /** Caches query answers (Redis), when given. */
  cache?: QueryCache;
  /** Limits each client to a token bucket (Redis), when given. */
  rateLimit?: RateLimiter;
  /** Serves agora.stream.v1.Stream from the app's block records, when given. */
  blockStream?: { store: BlockSource; commits: EventEmitter };
  /** The FileDescriptorSet reflection describes the services from; scripts/cosmos-protos.sh's by default. */
  descriptorSet?: string;
}

export interface NodeMethodsOptions {
  rpc: CometRpc;
  app: AppIdentity;
  cache?: QueryCache;
}

/**
 * Every unary method the node serves, by gRPC path: the app's queries (through the cache, when
 * given), the tx service and the tendermint service. gRPC serves them; REST is the gateway over them.
 */
export function nodeMethods(base: BaseApp, options: NodeMethodsOptions): MethodTable {
  const query = queryThrough(base, options.cache);
  return new Map([...queryMethods(base, query), ...txServiceMethods(options.rpc), ...tendermintServiceMethods(options.rpc, options.app)]);
}

export class GrpcServer {
  private readonly server = new Server();
  private readonly rpc: CometRpc;
  /** The services served, by full name ("cosmos.bank.v1beta1.Query"). */
  readonly services: string[];
  /** Set when reflection cannot describe the services (its descriptors are missing): the warning to log. */
  readonly reflectionWarning: string | undefined;
  private boundPort: number | undefined;

  constructor(base: BaseApp, options: GrpcServerOptions) {
    this.rpc = new CometRpc(options.cometRpc);
    const methods = nodeMethods(base, { rpc: this.rpc, app: options.app, ...(options.cache ? { cache: options.cache } : {}) });
    const { rateLimit } = options;
    this.services = addMethodTable(this.server, methods, rateLimit && ((client) => rateLimit.take(client)));
    if (options.blockStream) {
      addStreamService(this.server, options.blockStream.store, options.blockStream.commits);
      this.services.push("agora.stream.v1.Stream");
    }
    this.reflectionWarning = addReflection(this.server, this.services, options.descriptorSet);
  }

  /** Listens on "host:port" (port 0: any free one); resolves to the port bound. */
  listen(address: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.bindAsync(address, ServerCredentials.createInsecure(), (err, port) => {
        if (err) return reject(new Error(`cannot listen for gRPC on ${address}: ${err.message}`));
        this.boundPort = port;
        resolve(port);
      });
    });
  }

  get port(): number | undefined {
    return this.boundPort;
  }

  /** Stops accepting calls, lets running ones finish (up to a second), then ends the rest. */
  close(): Promise<void> {
    this.rpc.close();
    return new Promise((resolve) => {
      const force = setTimeout(() => this.server.forceShutdown(), 1000);
      this.server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }
}
