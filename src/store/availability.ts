/**
 * Whether an error means "the database cannot be reached just now" (a restart, a failover, a cut
 * connection) rather than a fault of the request or of the code: the API answers those with 503 and
 * the client may retry (imports safely so with an Idempotency-Key).
 */

/** SQLSTATE class 08 (connection exception) and the shutdown/startup codes of class 57. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P01|57P02|57P03)$/;
/** Socket errors of a connection being opened or used. */
const UNAVAILABLE_SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
/** What pg says, without a code, about a connection that ended or could not be used. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code)))
    return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  // Node's connect errors to several addresses ("localhost" → ::1 and 127.0.0.1) come as one AggregateError.
  return error instanceof AggregateError && error.errors.some(isDatabaseUnavailable);
}
