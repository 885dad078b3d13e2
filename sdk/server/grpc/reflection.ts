/**
 * gRPC server reflection (v1 and v1alpha), so `grpcurl list` names every service served.
 *
 * Describing a service needs its FileDescriptorProtos, built from .proto files. Only the
 * reflection service's own .proto files ship offline (in @grpc/reflection); the Cosmos SDK's and
 * CometBFT's do not (cosmjs-types carries generated code, no descriptors), so the Cosmos services
 * are listed but `describe` answers NOT_FOUND for them. Adding their .proto files to
 * `loadSync` below is all it takes to describe them too.
 */
import type { Server, ServerDuplexStream, UntypedHandleCall, UntypedServiceImplementation } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { ReflectionService } from "@grpc/reflection";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const reflectionProtos = join(dirname(createRequire(import.meta.url).resolve("@grpc/reflection")), "..", "proto");

interface ListServicesAnswer {
  listServicesResponse?: { service: { name: string }[] };
}

/** Adds the reflection services to `server`; `services` are the others it serves, listed without descriptors. */
export function addReflection(server: Server, services: string[]): void {
  const described = loadSync(["grpc/reflection/v1/reflection.proto", "grpc/reflection/v1alpha/reflection.proto"], { includeDirs: [reflectionProtos] });
  new ReflectionService(described).addToServer({
    addService: (definition, implementation) => server.addService(definition, listingAlso(implementation, services)),
  });
}

/** The reflection implementation with `services` added to every list_services answer. */
function listingAlso(implementation: UntypedServiceImplementation, services: string[]): UntypedServiceImplementation {
  const wrapped: UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(implementation)) {
    wrapped[name] = ((stream: ServerDuplexStream<unknown, ListServicesAnswer>) => {
      const write = stream.write.bind(stream) as (answer: ListServicesAnswer, ...rest: unknown[]) => boolean;
      stream.write = ((answer: ListServicesAnswer, ...rest: unknown[]) => {
        const listed = answer.listServicesResponse?.service;
        if (listed) {
          const names = new Set(listed.map((s) => s.name));
          for (const service of services) if (!names.has(service)) listed.push({ name: service });
        }
        return write(answer, ...rest);
      }) as typeof stream.write;
      (handler as (stream: unknown) => void)(stream);
    }) as UntypedHandleCall;
  }
  return wrapped;
}
