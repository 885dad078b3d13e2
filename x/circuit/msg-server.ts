/**
 * cosmos.circuit.v1's Msg service, authorized by roles: `pauser` holders (or the gov authority)
 * trip, the pauser role's admin role (or the gov authority) resets.
 */
import { MsgAuthorizeCircuitBreaker, MsgAuthorizeCircuitBreakerResponse, MsgResetCircuitBreaker, MsgResetCircuitBreakerResponse, MsgTripCircuitBreaker, MsgTripCircuitBreakerResponse } from "cosmjs-types/cosmos/circuit/v1/tx";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { ErrUnknownRequest } from "../../sdk/types/sdk-errors.js";
import { PAUSER_ROLE } from "../roles/types.js";
import type { CircuitRoleKeeper } from "./expected-keepers.js";
import type { CircuitKeeper } from "./keeper.js";
import { assertPausable, CIRCUIT_MODULE, ErrNotPaused, ErrPermissionsAreRoles, isPausable } from "./types.js";

export function registerCircuitMsgs(router: MsgRouter, keeper: CircuitKeeper, roles: CircuitRoleKeeper): void {
  router.register({
    module: CIRCUIT_MODULE,
    type: MsgTripCircuitBreaker,
    responseType: MsgTripCircuitBreakerResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
      for (const typeUrl of msg.msgTypeUrls) assertPausable(typeUrl);
    },
    handle(ctx, msg) {
      roles.requireAuthorityOrRole(ctx, msg.authority, PAUSER_ROLE);
      for (const typeUrl of msg.msgTypeUrls) {
        if (!router.route(typeUrl)) throw ErrUnknownRequest.wrap(`no message type ${typeUrl} on this chain: nothing to pause`);
      }
      // Empty: every message type the chain routes now, except those a pause never covers.
      const urls = msg.msgTypeUrls.length > 0 ? msg.msgTypeUrls : router.typeUrls().filter(isPausable).sort();
      for (const typeUrl of urls) keeper.pause(ctx, typeUrl);
      ctx.events.emit("circuit_breaker_tripped", { authority: msg.authority, msg_type_urls: urls.join(",") });
      return { success: true };
    },
  });

  router.register({
    module: CIRCUIT_MODULE,
    type: MsgResetCircuitBreaker,
    responseType: MsgResetCircuitBreakerResponse,
    signers: (msg) => [msg.authority],
    validateBasic: (msg) => void fromAccAddress(msg.authority),
    handle(ctx, msg) {
      roles.requireAuthorityOrRole(ctx, msg.authority, roles.adminRoleOf(ctx, PAUSER_ROLE));
      for (const typeUrl of msg.msgTypeUrls) {
        if (keeper.isAllowed(ctx, typeUrl)) throw ErrNotPaused.wrap(`${typeUrl} is not paused: nothing to reset`);
      }
      // Empty: resume everything paused.
      const urls = msg.msgTypeUrls.length > 0 ? msg.msgTypeUrls : keeper.disabledList(ctx);
      for (const typeUrl of urls) keeper.resume(ctx, typeUrl);
      ctx.events.emit("circuit_breaker_reset", { authority: msg.authority, msg_type_urls: urls.join(",") });
      return { success: true };
    },
  });

  // Registered so that wallets sending it learn where permissions live instead of "unknown message".
  router.register({
    module: CIRCUIT_MODULE,
    type: MsgAuthorizeCircuitBreaker,
    responseType: MsgAuthorizeCircuitBreakerResponse,
    signers: (msg) => [msg.granter],
    validateBasic() {
      throw ErrPermissionsAreRoles.wrap(`Agora does not keep per-account circuit permissions: grant the ${PAUSER_ROLE} role with /agora.roles.v1.MsgGrantRole instead`);
    },
    handle() {
      throw ErrPermissionsAreRoles.wrap(`grant the ${PAUSER_ROLE} role with /agora.roles.v1.MsgGrantRole instead`);
    },
  });
}
