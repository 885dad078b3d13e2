/** A bare gRPC client for tests: one unary call of raw protobuf bytes, as any gRPC client sends it. */
import { Client, credentials, Metadata, type ServiceError } from "@grpc/grpc-js";

export interface GrpcAnswer {
  response: Uint8Array;
  /** The response headers, e.g. x-cosmos-block-height. */
  headers: Metadata;
}

export class RawGrpcClient {
  private readonly client: Client;

  constructor(address: string) {
    this.client = new Client(address, credentials.createInsecure());
  }

  /** Calls `path` with the encoded request; rejects with the ServiceError (code, details) on a failed status. */
  call(path: string, request: Uint8Array, headers: Record<string, string> = {}): Promise<GrpcAnswer> {
    const metadata = new Metadata();
    for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
    return new Promise((resolve, reject) => {
      let responseHeaders = new Metadata();
      const call = this.client.makeUnaryRequest(
        path,
        (bytes: Uint8Array) => Buffer.from(bytes),
        (bytes: Buffer) => new Uint8Array(bytes),
        request,
        metadata,
        (err: ServiceError | null, response?: Uint8Array) => (err ? reject(err) : resolve({ response: response!, headers: responseHeaders })),
      );
      call.on("metadata", (m: Metadata) => (responseHeaders = m));
    });
  }

  close(): void {
    this.client.close();
  }
}

/** The ServiceError a call rejected with (fails the test if it resolved). */
export async function grpcFailure(call: Promise<unknown>): Promise<ServiceError> {
  try {
    await call;
  } catch (err) {
    return err as ServiceError;
  }
  throw new Error("the gRPC call succeeded; expected a failed status");
}
