// Misconfiguration: thrown at start-up with the variable's name and the fix.
export class ConfigError extends Error {
  override name = 'ConfigError';
}
