/** The app's state database of a stopped node's home, read as an operator's tool would. */
import { createModules, stateDatabasePath } from "../../app/app.js";
import { RootMultiStore } from "../../sdk/store/multistore.js";

/** The app's last committed height and app hash (upper-case hex, as CometBFT prints it). */
export function appLastCommit(home: string): { height: number; appHash: string } {
  const store = openAppState(home);
  const last = store.lastCommitId();
  void store.close();
  return { height: Number(last.version), appHash: Buffer.from(last.hash).toString("hex").toUpperCase() };
}

/** The app's state database of `home`; close it before the node starts again. */
export function openAppState(home: string): RootMultiStore {
  return RootMultiStore.open(stateDatabasePath(home), createModules().modules.storeKeys());
}
