/** Where a server process listens: PORT (default 3000; 0 lets the system choose) and HOST. */
export function listenAddress(): { port: number; host: string } {
  return { port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? "127.0.0.1" };
}
