/**
 * An own string property, read safely. Jira changelog items carry a key named `toString`, which a plain
 * property read (or a zod shape) would confuse with `Object.prototype.toString` when it is absent.
 */
export function ownString(value: object, key: string): string | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  return typeof descriptor?.value === 'string' ? descriptor.value : undefined;
}
