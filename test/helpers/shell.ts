import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface ShellResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ShellSession {
  /** Runs one command (of any number of lines) in the session, as if typed, and waits until it is done. */
  run(command: string, timeoutMs?: number): Promise<ShellResult>;
  close(): void;
}

/**
 * One bash process that runs commands one after another, so that the variables one command sets are there for the
 * next — as in the terminal of someone following a tutorial.
 */
export function startShell(options: { cwd: string; env: Record<string, string> }): ShellSession {
  const child = spawn('bash', ['--noprofile', '--norc'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: options.cwd, LANG: 'C.UTF-8', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let changed: () => void = () => {};
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    changed();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    changed();
  });

  return {
    async run(command, timeoutMs = 15_000) {
      const marker = `tour-done-${randomBytes(6).toString('hex')}`;
      const stdoutEnd = new RegExp(`\\n${marker} (\\d+)\\n$`);
      const stderrEnd = `\n${marker}\n`;
      stdout = '';
      stderr = '';
      child.stdin.write(
        `${command}\n__status=$?; printf '\\n%s %d\\n' ${marker} "$__status"; printf '\\n%s\\n' ${marker} >&2\n`,
      );
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          changed = () => {};
          reject(new Error(`no end after ${timeoutMs} ms; stdout so far:\n${stdout}\nstderr:\n${stderr}`));
        }, timeoutMs);
        changed = () => {
          if (stdoutEnd.test(stdout) && stderr.endsWith(stderrEnd)) {
            clearTimeout(timer);
            changed = () => {};
            resolve();
          }
        };
        changed();
      });
      const code = Number(stdoutEnd.exec(stdout)![1]);
      return { code, stdout: stdout.replace(stdoutEnd, ''), stderr: stderr.slice(0, -stderrEnd.length) };
    },
    close() {
      child.stdin.end();
      child.kill('SIGKILL');
    },
  };
}
