/** Routes each Msg type URL to its module's handler, with the signers it declares. */
import type { MessageType, TypeRegistry } from "../codec/registry.js";
import type { Context } from "../types/context.js";
import { ErrUnknownRequest } from "../types/sdk-errors.js";

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

/**
 * A check every message passes before it runs, wherever it comes from: a tx at CheckTx and in
 * FinalizeBlock, or a message nested in another (a governance proposal's). Throws a registered
 * error to refuse it; reads state through `ctx` (the emergency pause keeps its list there).
 */
export type MsgAdmission = (ctx: Context, typeUrl: string) => void;

/** A message as a tx or a proposal carries it: its type URL and decoded value. */
export interface RoutedMsg {
  typeUrl: string;
  value: unknown;
}

export class MsgRouter {
  private readonly routes = new Map<string, MsgRoute>();
  private readonly admissions: MsgAdmission[] = [];

  /** Routed messages are registered as types too, so transactions carrying them decode. */
  constructor(private readonly registry: TypeRegistry) {}

  register<T, R>(route: MsgRoute<T, R>): void {
    if (this.routes.has(route.type.typeUrl)) throw new Error(`msg ${route.type.typeUrl} is registered twice`);
    this.routes.set(route.type.typeUrl, route as unknown as MsgRoute);
    this.registry.register(route.type);
  }

  /** Adds a check every message must pass (see MsgAdmission); checks run in the order added. */
  addAdmission(admission: MsgAdmission): void {
    this.admissions.push(admission);
  }

  /** Runs the admission checks for a message of `typeUrl`; throws the first refusal. */
  admit(ctx: Context, typeUrl: string): void {
    for (const admission of this.admissions) admission(ctx, typeUrl);
  }

  /**
   * Admits and runs one message executed on another's behalf (a passed proposal's), so no check
   * can be skipped by nesting. A tx's own messages are admitted once, before its ante chain
   * (run-tx.ts), and then run by their routes.
   */
  dispatch(ctx: Context, msg: RoutedMsg): { route: MsgRoute; response: unknown } {
    const route = this.routes.get(msg.typeUrl);
    if (!route) throw ErrUnknownRequest.wrap(`no message handler for ${msg.typeUrl}`);
    this.admit(ctx, msg.typeUrl);
    return { route, response: route.handle(ctx, msg.value) };
  }

  route(typeUrl: string): MsgRoute | undefined {
    return this.routes.get(typeUrl);
  }

  typeUrls(): string[] {
    return [...this.routes.keys()];
  }
}
