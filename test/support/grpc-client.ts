/** A bare gRPC client for tests: one unary call of raw protobuf bytes, as any gRPC client sends it. */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Client, credentials, loadPackageDefinition, Metadata, type ChannelCredentials, type ClientDuplexStream, type ServiceError } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";

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

const reflectionProtos = join(dirname(createRequire(import.meta.url).resolve("@grpc/reflection")), "..", "proto");

export interface ReflectionAnswer {
  listServicesResponse?: { service: { name: string }[] };
  fileDescriptorResponse?: { fileDescriptorProto: Buffer[] };
  errorResponse?: { errorCode: number; errorMessage: string };
}

/** One request on the grpc.reflection.v1 stream, as grpcurl sends it: { listServices: "*" }, { fileContainingSymbol: "..." }. */
export function reflectionRequest(address: string, request: Record<string, string>): Promise<ReflectionAnswer> {
  const definition = loadSync("grpc/reflection/v1/reflection.proto", { includeDirs: [reflectionProtos] });
  const pkg = loadPackageDefinition(definition) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: new (address: string, creds: ChannelCredentials) => Client & { ServerReflectionInfo(): ClientDuplexStream<unknown, ReflectionAnswer> } } } };
  };
  const client = new pkg.grpc.reflection.v1.ServerReflection(address, credentials.createInsecure());
  const call = client.ServerReflectionInfo();
  return new Promise<ReflectionAnswer>((resolve, reject) => {
    call.on("data", (answer: ReflectionAnswer) => {
      resolve(answer);
      call.end();
    });
    call.on("error", reject);
    call.write(request);
  }).finally(() => client.close());
}
