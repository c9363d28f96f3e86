import { config } from "../config.js";

/** Where a server process listens: PORT (default 3000; 0 lets the system choose) and HOST. */
export function listenAddress(): { port: number; host: string } {
  return config().listen;
}
