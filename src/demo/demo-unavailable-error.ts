/** The demo cannot run here (no simulators in this installation, or no Redis); the CLI exits 2 with the message. */
export class DemoUnavailableError extends Error {
  override name = 'DemoUnavailableError';
}
