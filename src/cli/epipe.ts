/**
 * `infoprog … | head`: when the reader closes the pipe, writing more fails with EPIPE. That is not an
 * error of the command: stop at once with status 0, as the usual Unix tools do, without a stack trace.
 */
export function exitQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
}
