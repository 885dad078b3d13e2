/** What auth needs from other modules, declared here and wired in app/. */
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { Coins } from "../../sdk/types/coins.js";
import type { EventManager } from "../../sdk/types/events.js";

export interface FeeBankKeeper {
  sendCoinsFromAccountToModule(ctx: StoreSource & { events: EventManager }, from: Uint8Array, module: string, amount: Coins): void;
}
