import { Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';

export interface CommandRun {
  code: number;
  out: string;
  err: string;
}

/** A Writable that keeps what was written, as text. */
export function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export interface CommandIo {
  out: Writable;
  err: Writable;
  setExitCode: (code: number) => void;
}

/**
 * Run CLI commands in-process, registered as main.ts registers them, with stdout and stderr captured.
 * Usage errors commander detects map to exit code 2, as main does.
 */
export async function runCommand(register: (program: Command, io: CommandIo) => void, args: string[]): Promise<CommandRun> {
  const out = collector();
  const err = collector();
  let code = 0;
  const program = new Command('donegate').exitOverride();
  register(program, {
    out: out.stream,
    err: err.stream,
    setExitCode: (value) => {
      code = value;
    },
  });
  try {
    await program.parseAsync(['node', 'donegate', ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode === 0 ? 0 : 2;
  }
  return { code, out: out.text(), err: err.text() };
}
