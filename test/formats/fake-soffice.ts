/** A stand-in for LibreOffice that never finishes, for the conversion timeout tests. */
import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A script in `directory` that records its pid in `pidFile` and sleeps, so a test can check it was killed. */
export function hangingSoffice(directory: string): { program: string; pidFile: string } {
  const pidFile = path.join(directory, "hanging.pid");
  const program = path.join(directory, "hanging-soffice.sh");
  writeFileSync(program, `#!/bin/sh\necho $$ > ${pidFile}\nsleep 600\n`);
  chmodSync(program, 0o755);
  return { program, pidFile };
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
