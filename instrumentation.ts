// Runs once when the server starts. NEXT_RUNTIME is Next's own build flag: the check itself is
// Node-only, and this file is also compiled for the Edge Runtime.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node');
}
