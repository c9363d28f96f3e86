/**
 * Fastify route schemas written in zod: the validator runs zod (messages in Ukrainian), responses are
 * serialized as plain JSON, and the OpenAPI document gets the JSON Schema zod generates. Schemas with
 * an id (Programme, Item, Finding) become shared components, so the recursive item tree can be
 * described at all.
 */
import type { FastifySchema, FastifySchemaCompiler } from "fastify";
import { z } from "zod";

const ukrainian = z.locales.uk();
const COMPONENT_PREFIX = "#/components/schemas/";

function isZod(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  if (!isZod(schema)) throw new Error("route schemas must be zod schemas");
  return (data: unknown) => {
    const result = schema.safeParse(data, { error: ukrainian.localeError });
    return result.success ? { value: result.data } : { error: new Error(describeIssues(result.error)) };
  };
};

export const jsonSerializerCompiler = () => (data: unknown) => JSON.stringify(data);

function toOpenApi(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: "openapi-3.0", io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  delete json.definitions;
  return JSON.parse(JSON.stringify(json).replaceAll("#/definitions/", COMPONENT_PREFIX));
}

/** The shared components: every zod schema registered with an id. */
export function openApiComponents(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "openapi-3.0",
    unrepresentable: "any",
    uri: (id) => `${COMPONENT_PREFIX}${id}`,
  });
  for (const schema of Object.values(schemas)) delete (schema as Record<string, unknown>).$id;
  return schemas;
}

/** @fastify/swagger `transform`: zod route schemas to OpenAPI JSON Schema. */
export function zodSwaggerTransform({ schema, url }: { schema: FastifySchema; url: string }) {
  if (!schema) return { schema, url };
  const out: Record<string, unknown> = { ...schema };
  for (const part of ["body", "querystring", "params", "headers"] as const) {
    const value = schema[part];
    if (isZod(value)) out[part] = toOpenApi(value, "input");
  }
  if (schema.response && typeof schema.response === "object") {
    out.response = Object.fromEntries(
      Object.entries(schema.response).map(([code, value]) => [
        code,
        isZod(value) ? toOpenApi(value, "output") : value,
      ]),
    );
  }
  return { schema: out as FastifySchema, url };
}
