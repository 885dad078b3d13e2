/**
 * gRPC server reflection (v1 and v1alpha): `grpcurl list` names every service served and
 * `grpcurl describe` shows them, their methods and messages.
 *
 * The descriptors come from generated/cosmos-protos/descriptor-set.binpb, which
 * scripts/cosmos-protos.sh (run by `make build`) compiles from the Cosmos SDK's .proto files and
 * Agora's own. Without it the node still serves and lists everything; only `describe` answers
 * NOT_FOUND, and `descriptorsMissing` says how to get the file. The set is read on the first
 * reflection call, not at startup: most nodes are never asked.
 */
import type { Server, ServerDuplexStream, ServiceDefinition, UntypedHandleCall, UntypedServiceImplementation } from "@grpc/grpc-js";
import { loadSync, type PackageDefinition } from "@grpc/proto-loader";
import { ReflectionService } from "@grpc/reflection";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BinaryReader } from "cosmjs-types/binary";

const reflectionProtos = join(dirname(createRequire(import.meta.url).resolve("@grpc/reflection")), "..", "proto");
const REFLECTION_SERVICES = ["grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"];

/** The compiled descriptors of this checkout (this file is in dist/sdk/server/grpc/ once compiled). */
export const DEFAULT_DESCRIPTOR_SET = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "generated", "cosmos-protos", "descriptor-set.binpb");

interface ListServicesAnswer {
  listServicesResponse?: { service: { name: string }[] };
}

/**
 * Adds the reflection services to `server`. `services` are the others it serves: listed always,
 * described from `descriptorSet` (a FileDescriptorSet) when it exists. Returns, when it does not,
 * the warning to log.
 */
export function addReflection(server: Server, services: string[], descriptorSet = DEFAULT_DESCRIPTOR_SET): string | undefined {
  const reflectionOnly = loadSync(["grpc/reflection/v1/reflection.proto", "grpc/reflection/v1alpha/reflection.proto"], { includeDirs: [reflectionProtos] });
  const haveDescriptors = existsSync(descriptorSet);
  let described: Map<string, UntypedServiceImplementation> | undefined;
  const describing = () => (described ??= implementations(new ReflectionService(withDescriptors(reflectionOnly, descriptorSet), { services: [...services, ...REFLECTION_SERVICES] })));
  // grpc-js needs the services' definitions now; the cheap reflection-only instance gives them.
  for (const [name, { definition, implementation }] of registrations(new ReflectionService(reflectionOnly))) {
    server.addService(definition, listingAlso(haveDescriptors ? delegating(definition, () => describing().get(name)!) : implementation, services));
  }
  if (haveDescriptors) return undefined;
  return `gRPC reflection cannot describe the Cosmos and Agora services (grpcurl describe answers NOT_FOUND): ${descriptorSet} is missing; run \`make build\` (or scripts/cosmos-protos.sh) to make it`;
}

/** The reflection package definition plus one entry holding every file of the descriptor set. */
function withDescriptors(reflectionOnly: PackageDefinition, descriptorSet: string): PackageDefinition {
  // @grpc/reflection reads only `fileDescriptorProtos` of each entry: the files go in as compiled,
  // with their real names and imports.
  const compiled = { format: "compiled descriptor set", type: {}, fileDescriptorProtos: fileDescriptorProtos(readFileSync(descriptorSet)) };
  return { ...reflectionOnly, "agora.compiled_descriptor_set": compiled } as unknown as PackageDefinition;
}

/** The encoded FileDescriptorProtos of a FileDescriptorSet (field 1, repeated), kept byte for byte. */
function fileDescriptorProtos(set: Uint8Array): Buffer[] {
  const reader = new BinaryReader(set);
  const files: Buffer[] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) files.push(Buffer.from(reader.bytes()));
    else reader.skipType(tag & 7);
  }
  return files;
}

/** What a ReflectionService would add to a server, by service name. */
function registrations(reflection: ReflectionService): Map<string, { definition: ServiceDefinition; implementation: UntypedServiceImplementation }> {
  const added = new Map<string, { definition: ServiceDefinition; implementation: UntypedServiceImplementation }>();
  reflection.addToServer({
    addService: (definition, implementation) => {
      const path = Object.values(definition)[0]!.path; // "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"
      added.set(path.split("/")[1]!, { definition, implementation });
    },
  });
  return added;
}

function implementations(reflection: ReflectionService): Map<string, UntypedServiceImplementation> {
  return new Map([...registrations(reflection)].map(([name, { implementation }]) => [name, implementation]));
}

/** Each method of `definition` handed to the implementation `target()` gives when it is called. */
function delegating(definition: ServiceDefinition, target: () => UntypedServiceImplementation): UntypedServiceImplementation {
  const handlers: UntypedServiceImplementation = {};
  for (const method of Object.keys(definition)) {
    handlers[method] = ((stream: unknown) => (target()[method] as (stream: unknown) => void)(stream)) as UntypedHandleCall;
  }
  return handlers;
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
