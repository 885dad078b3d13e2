/**
 * gnark's binary public witness (witness.MarshalBinary of the public part): a 12-byte header of
 * three big-endian uint32s (public count, secret count = 0, element count) and the elements as
 * 32-byte big-endian field elements. This is how public inputs cross the wasm boundary.
 */
import { bytesToBigint, FR_BYTES, frToBytes, isFr } from "./field.js";

const HEADER = 12;

export function encodePublicWitness(inputs: readonly bigint[]): Uint8Array {
  const out = new Uint8Array(HEADER + FR_BYTES * inputs.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, inputs.length);
  view.setUint32(4, 0);
  view.setUint32(8, inputs.length);
  inputs.forEach((x, i) => out.set(frToBytes(x), HEADER + FR_BYTES * i));
  return out;
}

export function decodePublicWitness(bytes: Uint8Array): bigint[] {
  if (bytes.length < HEADER) throw new Error(`public witness: ${bytes.length} bytes is shorter than its 12-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [nbPublic, nbSecret, n] = [view.getUint32(0), view.getUint32(4), view.getUint32(8)];
  if (nbSecret !== 0 || n !== nbPublic) throw new Error(`public witness: header says ${nbPublic} public, ${nbSecret} secret, ${n} elements; want only public ones`);
  if (bytes.length !== HEADER + FR_BYTES * n) throw new Error(`public witness: ${bytes.length} bytes for ${n} elements (want ${HEADER + FR_BYTES * n})`);
  return Array.from({ length: n }, (_, i) => {
    const x = bytesToBigint(bytes.subarray(HEADER + FR_BYTES * i, HEADER + FR_BYTES * (i + 1)));
    if (!isFr(x)) throw new Error(`public witness: element ${i} is not below the field order`);
    return x;
  });
}
