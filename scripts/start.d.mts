import type { Writable } from 'node:stream';
export function buildLogFile(env: NodeJS.ProcessEnv): string | undefined;
export function runQuietly(
  command: string,
  args: string[],
  options: {
    logFile: string;
    label: string;
    cwd?: string;
    out?: Pick<Writable, 'write'>;
    err?: Pick<Writable, 'write'>;
    tailLines?: number;
  },
): Promise<boolean>;
