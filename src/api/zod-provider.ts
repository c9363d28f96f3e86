/**
 * Route schemas are zod schemas from src/contract, used through fastify-type-provider-zod: the same
 * schema validates the request, checks and serialises the response, types the handler and becomes
 * the OpenAPI document. Schemas with an id (Programme, Item, Finding) become shared components, so
 * the recursive item tree can be described at all.
 */
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import {
  type FastifyPluginAsyncZod,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { z } from "zod";

export { jsonSchemaTransform, jsonSchemaTransformObject };

/** Validation messages are shown to people: in Ukrainian, as the rest of the API's errors. */
z.config(z.locales.uk());

type SchemaErrorFormatter = NonNullable<FastifyServerOptions["schemaErrorFormatter"]>;

/** "items.0.title: message; …": at most five issues, with their path inside the request part. */
export const describeIssues: SchemaErrorFormatter = (errors) =>
  new Error(
    errors
      .slice(0, 5)
      .map((issue) => {
        const where = (issue.instancePath ?? "").split("/").filter(Boolean).join(".");
        return where ? `${where}: ${issue.message}` : (issue.message ?? "");
      })
      .join("; "),
  );

/** Zod validates requests and serialises responses of every route of `app`. */
export function installZod(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}

/** A route plugin's instance: request and reply types come from the route's zod schemas. */
export type ZodApp = Parameters<FastifyPluginAsyncZod>[0];
