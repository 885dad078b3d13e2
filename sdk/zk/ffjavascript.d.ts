/**
 * The part of ffjavascript (0.3.x, no types of its own) that pairing-wasm.ts uses. Points and
 * field elements are byte buffers in the library's Montgomery form; G1/G2 buffers are affine
 * (2 coordinates) or Jacobian (3).
 */
declare module "ffjavascript" {
  export interface WasmField {
    fromObject(x: unknown): Uint8Array;
    toObject(x: Uint8Array): unknown;
  }
  export interface WasmCurve {
    readonly F: WasmField;
    readonly zero: Uint8Array;
    fromObject(coordinates: readonly unknown[]): Uint8Array;
    toJacobian(p: Uint8Array): Uint8Array;
    add(a: Uint8Array, b: Uint8Array): Uint8Array;
    timesScalar(p: Uint8Array, littleEndianScalar: Uint8Array): Uint8Array;
    isZero(p: Uint8Array): boolean;
    eq(a: Uint8Array, b: Uint8Array): boolean;
  }
  export interface WasmGt {
    readonly one: Uint8Array;
    mul(a: Uint8Array, b: Uint8Array): Uint8Array;
    eq(a: Uint8Array, b: Uint8Array): boolean;
  }
  /** The wasm instance and its bump allocator (ThreadManager), for synchronous raw calls. */
  export interface WasmMemory {
    readonly instance: { exports: Record<string, (...args: number[]) => void> };
    /** Marks the allocator; endSyncOp frees everything allocated since. */
    startSyncOp(): void;
    endSyncOp(): void;
    alloc(length: number): number;
    allocBuff(bytes: Uint8Array): number;
    getBuff(pointer: number, length: number): Uint8Array;
  }
  export interface Bn128 {
    readonly tm: WasmMemory;
    readonly G1: WasmCurve;
    readonly G2: WasmCurve;
    readonly Gt: WasmGt;
    prepareG1(jacobian: Uint8Array): Uint8Array;
    prepareG2(jacobian: Uint8Array): Uint8Array;
    millerLoop(preparedG1: Uint8Array, preparedG2: Uint8Array): Uint8Array;
    finalExponentiation(f: Uint8Array): Uint8Array;
    terminate(): Promise<void>;
  }
  /** singleThread: no worker threads; every operation runs synchronously on the caller's thread. */
  export function buildBn128(singleThread?: boolean): Promise<Bn128>;
}
