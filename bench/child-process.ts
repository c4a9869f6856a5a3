import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface BenchChild {
  send(message: object): void;
  /** The child's next message; rejects if it exits first. */
  next<T>(): Promise<T>;
  close(): void;
}

/**
 * Run a bench TypeScript file in a child process of its own (through tsx), talking over IPC. Load comes
 * from there so that the parent's event loop belongs to the process under test alone.
 */
export function startChild(entry: URL): BenchChild {
  const child = fork(fileURLToPath(entry), { execArgv: ['--import', 'tsx'] });
  return {
    send: (message) => child.send(message),
    next: <T>() =>
      new Promise<T>((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`${entry.pathname} exited (code ${code}) before answering`));
        child.once('exit', onExit);
        child.once('message', (message) => {
          child.off('exit', onExit);
          resolve(message as T);
        });
      }),
    close: () => {
      if (child.connected) child.disconnect();
    },
  };
}
