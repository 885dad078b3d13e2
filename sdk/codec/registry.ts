/**
 * The protobuf type registry: type URL to generated codec, for Msgs inside transactions and for
 * Any-packed state such as accounts.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";
import { ErrTxDecode, ErrUnpackAny } from "../types/sdk-errors.js";

/** What ts-proto generates for each message (cosmjs-types' shape). */
export interface MessageType<T = unknown> {
  readonly typeUrl: string;
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
  fromPartial(object: never): T;
}

export class TypeRegistry {
  private readonly types = new Map<string, MessageType>();

  register<T>(type: MessageType<T>): void {
    this.types.set(type.typeUrl, type as MessageType);
  }

  lookup(typeUrl: string): MessageType | undefined {
    return this.types.get(typeUrl);
  }

  /** Decodes a packed message; an unknown type or bad bytes is a tx parse error naming the type. */
  unpack(any: Any): unknown {
    const type = this.types.get(any.typeUrl);
    if (!type) throw ErrTxDecode.wrap(`unable to resolve type URL ${any.typeUrl}`);
    try {
      return type.decode(any.value);
    } catch (err) {
      throw ErrUnpackAny.wrap(`cannot decode ${any.typeUrl}: ${(err as Error).message}`);
    }
  }
}

/** The functions ts-proto generates for a message (Agora's own protos). */
export interface GeneratedCodec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
  fromPartial(object: never): T;
  fromJSON?(json: unknown): T;
  toJSON?(message: T): unknown;
}

/**
 * A ts-proto codec with the type URL that routing and Any packing need (cosmjs-types carry one;
 * ts-proto's output does not).
 */
export function typedMessage<T>(typeUrl: string, codec: GeneratedCodec<T>): MessageType<T> {
  const type: MessageType<T> & Pick<GeneratedCodec<T>, "fromJSON" | "toJSON"> = {
    typeUrl,
    encode: (m) => codec.encode(m),
    decode: (b) => codec.decode(b),
    fromPartial: (o) => codec.fromPartial(o as never),
  };
  // The JSON codecs too: proposals carrying these messages are read from and shown as JSON.
  if (codec.fromJSON) type.fromJSON = (json) => codec.fromJSON!(json);
  if (codec.toJSON) type.toJSON = (m) => codec.toJSON!(m);
  return type;
}
