import type { FastifyError, FastifyInstance } from "fastify";
import { ProgrammeFrozenError } from "../domain/agreement/lifecycle.js";
import { InvalidKatottgError } from "../domain/katottg.js";
import { NotAProgrammeError } from "../import/blocks.js";
import { isDatabaseUnavailable } from "../store/availability.js";

/** An error whose message is meant for the client, in Ukrainian. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** More fields of the answer beside `error` (e.g. the findings that refused a publication). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = "Не знайдено") => new HttpError(404, what);

const MESSAGES_BY_STATUS: Record<number, string> = {
  400: "Некоректний запит",
  404: "Не знайдено",
  405: "Метод не підтримується",
  406: "Формат відповіді не підтримується",
  415: "Непідтримуваний тип вмісту запиту",
  429: "Забагато запитів",
};

const VALIDATION_PARTS: Record<string, string> = {
  body: "тіло запиту",
  querystring: "параметри запиту",
  params: "шлях",
  headers: "заголовки",
};

function hasPgCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

/** "1 МБ", "20 МБ", "512 КБ": a body limit as people read it. */
export function sizeInWords(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB)
    return `${Number((bytes / MB).toFixed(1))
      .toString()
      .replace(".", ",")} МБ`;
  return `${Math.max(1, Math.round(bytes / 1024))} КБ`;
}

function clientMessage(error: FastifyError, bodyLimit: number): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.statusCode, message: error.message };
  if (error instanceof ProgrammeFrozenError) return { status: 409, message: error.message };
  if (error instanceof NotAProgrammeError || error instanceof InvalidKatottgError) {
    return { status: 422, message: error.message };
  }
  if (error.validation || error.code === "FST_ERR_VALIDATION") {
    const part = VALIDATION_PARTS[error.validationContext ?? ""] ?? "запит";
    return { status: 400, message: `Некоректні дані (${part}): ${error.message}` };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, message: "База даних тимчасово недоступна: повторіть запит за кілька секунд" };
  }
  if (hasPgCode(error, "23505")) {
    return { status: 409, message: "Програма цієї громади на цей період уже існує" };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, message: `Завеликий запит: найбільше ${sizeInWords(bodyLimit)}` };
  if (status >= 400 && status < 500)
    return { status, message: MESSAGES_BY_STATUS[status] ?? "Помилка запиту" };
  return { status: 500, message: "Внутрішня помилка сервера" };
}

/** Every error leaves as `{ error }` in Ukrainian; stack traces stay in the log. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, message } = clientMessage(
      error,
      request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0,
    );
    if (status === 503) reply.header("retry-after", "5");
    if (status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ err: error.message, status }, "request rejected");
    const details = error instanceof HttpError ? error.details : undefined;
    return reply.status(status).send({ ...details, error: message });
  });
}
