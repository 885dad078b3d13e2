/**
 * Routes gRPC method paths ("/cosmos.bank.v1beta1.Query/Balance") to query handlers. The same
 * router answers ABCI Query and, later, the gRPC server.
 */
import type { MessageType } from "../codec/registry.js";
import type { Context } from "../types/context.js";
import { ErrInvalidRequest, ErrUnknownRequest } from "../types/sdk-errors.js";

export interface QueryRoute<Q = unknown, R = unknown> {
  path: string;
  requestType: Pick<MessageType<Q>, "decode" | "encode">;
  responseType: Pick<MessageType<R>, "decode" | "encode">;
  handle(ctx: Context, request: Q): R;
}

export class QueryRouter {
  private readonly routes = new Map<string, QueryRoute>();

  register<Q, R>(route: QueryRoute<Q, R>): void {
    if (this.routes.has(route.path)) throw new Error(`query ${route.path} is registered twice`);
    this.routes.set(route.path, route as unknown as QueryRoute);
  }

  has(path: string): boolean {
    return this.routes.has(path);
  }

  paths(): string[] {
    return [...this.routes.keys()];
  }

  /** Decodes the request, runs the handler, encodes the response. */
  handle(ctx: Context, path: string, data: Uint8Array): Uint8Array {
    const route = this.routes.get(path);
    if (!route) throw ErrUnknownRequest.wrap(`unknown query path ${path}`);
    let request: unknown;
    try {
      request = route.requestType.decode(data);
    } catch (err) {
      throw ErrInvalidRequest.wrap(`cannot decode request for ${path}: ${(err as Error).message}`);
    }
    return route.responseType.encode(route.handle(ctx, request)).finish();
  }
}
