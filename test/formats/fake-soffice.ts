/** A stand-in for LibreOffice that never finishes, for the conversion timeout tests. */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A script in `directory` that records its pid in `pidFile` and sleeps, so a test can check it was killed. */
export function hangingSoffice(directory: string): { program: string; pidFile: string } {
  const pidFile = path.join(directory, "hanging.pid");
  const program = path.join(directory, "hanging-soffice.sh");
  writeFileSync(program, `#!/bin/sh\necho $$ > ${pidFile}\nsleep 600\n`);
  chmodSync(program, 0o755);
  return { program, pidFile };
}

/**
 * Whether the process runs. A killed child not yet reaped (a zombie, state Z) has ended: its parent
 * may be a worker thread that is gone, whose event loop would have reaped it.
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/** A stand-in for LibreOffice that exits at once and writes nothing: the conversion fails quickly. */
export function failingSoffice(directory: string): string {
  const program = path.join(directory, "failing-soffice.sh");
  writeFileSync(program, "#!/bin/sh\nexit 0\n");
  chmodSync(program, 0o755);
  return program;
}
