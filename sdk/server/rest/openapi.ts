/**
 * The OpenAPI 3 document of the served routes, built from the route table so it lists exactly
 * what answers: paths, parameters, and the proto message each takes and answers, by name.
 */
import type { RestRoute } from "./route.js";

const PARAM_SCHEMA = {
  string: { type: "string" },
  integer: { type: "string", format: "uint64" },
  boolean: { type: "boolean" },
  bytes: { type: "string", format: "byte" },
} as const;

export function openApiDocument(routes: RestRoute[], info: { title: string; version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {
    "grpc.gateway.runtime.Error": {
      type: "object",
      properties: { code: { type: "integer" }, message: { type: "string" }, details: { type: "array", items: { type: "object" } } },
    },
  };
  const operationIds = new Set<string>();
  for (const route of routes) {
    // OpenAPI wants unique ids; one gRPC method may have two paths (DenomMetadata).
    const [, module] = route.operation.split(".");
    let operationId = `${route.operation.split(".").pop()}_${module}`;
    while (operationIds.has(operationId)) operationId += "_";
    operationIds.add(operationId);
    const ref = (name: string) => {
      schemas[name] ??= { type: "object", description: `proto3 JSON of ${name} (snake_case fields, 64-bit integers as strings)` };
      return { $ref: `#/components/schemas/${name}` };
    };
    const parameters = [
      ...route.params.map((p) => ({
        name: p.name,
        in: p.in,
        required: p.in === "path" || p.required === true,
        schema: p.repeated ? { type: "array", items: PARAM_SCHEMA[p.type] } : PARAM_SCHEMA[p.type],
      })),
      ...(route.method === "GET"
        ? [{ name: "x-cosmos-block-height", in: "header", required: false, schema: { type: "string", format: "int64" }, description: "the height to read the state at (default: the latest)" }]
        : []),
    ];
    const path = route.path.replace(/\{([a-z_]+)=\*\*\}/g, "{$1}");
    paths[path] ??= {};
    paths[path]![route.method.toLowerCase()] = {
      operationId,
      summary: route.operation,
      parameters,
      ...(route.requestBody ? { requestBody: { required: true, content: { "application/json": { schema: ref(route.requestBody) } } } } : {}),
      responses: {
        "200": { description: "A successful response.", content: { "application/json": { schema: ref(route.response) } } },
        default: { description: "An unexpected error response.", content: { "application/json": { schema: ref("grpc.gateway.runtime.Error") } } },
      },
    };
  }
  return { openapi: "3.0.3", info, paths, components: { schemas } };
}
