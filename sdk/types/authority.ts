/**
 * The one-line check of a message only the governance authority may send (a module's
 * MsgUpdateParams, a community pool spend, an upgrade plan): the SDK's error and wording.
 */
import { ErrUnauthorized } from "./sdk-errors.js";

export function requireAuthority(authority: string, signer: string): void {
  if (signer !== authority) throw ErrUnauthorized.wrap(`invalid authority; expected ${authority}, got ${signer}`);
}
