/** The circuit module's names, errors, and the message types a pause never covers. */
import { register } from "../../sdk/types/errors.js";

export const CIRCUIT_MODULE = "circuit";
export const CIRCUIT_STORE = "circuit";

export const ErrMsgPaused = register(CIRCUIT_MODULE, 2, "message type paused");
export const ErrCannotPause = register(CIRCUIT_MODULE, 3, "message type cannot be paused");
export const ErrNotPaused = register(CIRCUIT_MODULE, 4, "message type is not paused");
export const ErrPermissionsAreRoles = register(CIRCUIT_MODULE, 5, "circuit breaker permissions are roles");

/**
 * Never paused, so a pause can always be undone: governance (its proposals carry the reset),
 * the breaker's own messages, and role changes (revoking a leaked key is the usual response).
 */
const NEVER_PAUSED = ["/cosmos.gov.", "/cosmos.circuit.v1.", "/agora.roles.v1."];

export function isPausable(typeUrl: string): boolean {
  return !NEVER_PAUSED.some((prefix) => typeUrl.startsWith(prefix));
}

export function assertPausable(typeUrl: string): void {
  if (!isPausable(typeUrl)) {
    throw ErrCannotPause.wrap(`${typeUrl} can never be paused: governance, the circuit breaker's own messages and role changes stay available so that a pause can be undone`);
  }
}
