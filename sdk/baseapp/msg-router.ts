/** Routes each Msg type URL to its module's handler, with the signers it declares. */
import type { MessageType, TypeRegistry } from "../codec/registry.js";
import type { Context } from "../types/context.js";

export interface MsgRoute<T = unknown, R = unknown> {
  module: string;
  type: MessageType<T>;
  responseType: MessageType<R>;
  /** Bech32 addresses that must sign a message of this type. */
  signers(msg: T): string[];
  /** Stateless checks (addresses, amounts) run before any state is read. */
  validateBasic?(msg: T): void;
  handle(ctx: Context, msg: T): R;
}

export class MsgRouter {
  private readonly routes = new Map<string, MsgRoute>();

  /** Routed messages are registered as types too, so transactions carrying them decode. */
  constructor(private readonly registry: TypeRegistry) {}

  register<T, R>(route: MsgRoute<T, R>): void {
    if (this.routes.has(route.type.typeUrl)) throw new Error(`msg ${route.type.typeUrl} is registered twice`);
    this.routes.set(route.type.typeUrl, route as unknown as MsgRoute);
    this.registry.register(route.type);
  }

  route(typeUrl: string): MsgRoute | undefined {
    return this.routes.get(typeUrl);
  }

  typeUrls(): string[] {
    return [...this.routes.keys()];
  }
}
