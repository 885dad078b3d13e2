/**
 * The message types this chain routes, read from the app's own module wiring: the CLI signs,
 * reads from proposal.json and prints exactly the messages the chain handles, Agora's own included.
 */
import { Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes } from "@cosmjs/stargate";
import { createModules } from "../../../app/app.js";
import { MsgRouter } from "../../../sdk/baseapp/msg-router.js";
import { QueryRouter } from "../../../sdk/baseapp/query-router.js";
import { TypeRegistry } from "../../../sdk/codec/registry.js";
import type { JsonMessageType, TypeLookup } from "../../../x/governance/proto-json.js";

let router: MsgRouter | undefined;

function chainRouter(): MsgRouter {
  if (!router) {
    router = new MsgRouter(new TypeRegistry());
    createModules().modules.register(new TypeRegistry(), router, new QueryRouter());
  }
  return router;
}

/** Every message type URL the chain routes, sorted. */
export function chainTypeUrls(): string[] {
  return chainRouter().typeUrls().sort();
}

/** The JSON codec of each routed message type, for proposal.json and proposal queries. */
export function chainMessageTypes(): TypeLookup {
  const msgs = chainRouter();
  return (typeUrl) => msgs.route(typeUrl)?.type as JsonMessageType | undefined;
}

/** CosmJS's default types plus every type the chain routes (agora.roles.v1, cosmos.circuit.v1, ...). */
export function chainRegistry(): Registry {
  const msgs = chainRouter();
  const routed = msgs.typeUrls().map((url): [string, GeneratedType] => [url, msgs.route(url)!.type as unknown as GeneratedType]);
  return new Registry([...defaultRegistryTypes, ...routed]);
}
