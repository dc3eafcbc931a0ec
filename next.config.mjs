/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate output folder lets two builds (say, a test run and a dev check) live side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The build checks the app's own types; `npm test` type-checks tests and scripts as well.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  experimental: { authInterrupts: true },
  // Native and worker-thread packages must be loaded by Node, not bundled.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'pino', 'redis'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
