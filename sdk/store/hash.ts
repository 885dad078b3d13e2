/** SHA-256 through Node's one-shot native hash: the tree hashes millions of small nodes. */
import { hash } from "node:crypto";

export function sha256(data: Uint8Array): Buffer {
  return hash("sha256", data, "buffer") as unknown as Buffer;
}
