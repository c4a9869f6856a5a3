/** The places a credential is really written: a .env file, YAML, JSON, source code, a log line. */
export const CONTEXTS: ReadonlyArray<(name: string, value: string) => string> = [
  (name, value) => `# service settings\n${name.toUpperCase()}=${value}\nLOG_LEVEL=info\n`,
  (name, value) => `deploy:\n  region: eu-west-1\n  ${name.toLowerCase()}: ${value}\n`,
  (name, value) => `{\n  "service": "billing",\n  "${name.toLowerCase()}": "${value}"\n}\n`,
  (name, value) => `import { Client } from './client.js';\n\nconst ${camel(name)} = '${value}';\nexport const client = new Client(${camel(name)});\n`,
  (name, value) => `2026-03-14T09:26:53Z INFO worker started with ${name.toLowerCase()}=${value} pid=4121\n`,
];

function camel(name: string): string {
  return name.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** `value` written in each context under `name`. */
export const inEveryContext = (name: string, value: string): string[] => CONTEXTS.map((context) => context(name, value));
