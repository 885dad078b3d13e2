/**
 * Registered errors: each has a codespace and a code that clients read (Cosmos SDK's `sdk`
 * codespace keeps its codes, so CosmJS and explorers understand them).
 */

const registry = new Map<string, RegisteredError>();

/** An error kind a module declares once; `wrap` makes an instance with context. */
export class RegisteredError {
  constructor(
    readonly codespace: string,
    readonly code: number,
    readonly description: string,
  ) {}

  /** An error of this kind with the detail in front, as the SDK prints it: "detail: description". */
  wrap(detail?: string): CodedError {
    return new CodedError(this, detail ? `${detail}: ${this.description}` : this.description);
  }

  /** True when err is an instance of this kind. */
  is(err: unknown): boolean {
    return err instanceof CodedError && err.kind === this;
  }
}

/** A thrown error that carries the codespace and code of its registered kind. */
export class CodedError extends Error {
  constructor(
    readonly kind: RegisteredError,
    message: string,
  ) {
    super(message);
    this.name = "CodedError";
  }
  get codespace(): string {
    return this.kind.codespace;
  }
  get code(): number {
    return this.kind.code;
  }
}

/** Declares an error kind; a codespace/code pair may be registered only once. */
export function register(codespace: string, code: number, description: string): RegisteredError {
  if (code <= 1) throw new Error(`error code must be greater than 1, got ${code} in ${codespace}`);
  const id = `${codespace}/${code}`;
  if (registry.has(id)) throw new Error(`error code ${code} is already registered in codespace ${codespace}`);
  const kind = new RegisteredError(codespace, code, description);
  registry.set(id, kind);
  return kind;
}

/** The codespace, code and log of any thrown value; unknown errors become code 1 ("internal"). */
export function abciError(err: unknown): { codespace: string; code: number; log: string } {
  if (err instanceof CodedError) return { codespace: err.codespace, code: err.code, log: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { codespace: "undefined", code: 1, log: `internal error: ${message}` };
}
