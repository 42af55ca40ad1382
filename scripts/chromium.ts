/** Debian's Chromium (`CHROMIUM_PATH` overrides it); nothing here downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The one Chromium launch configuration of the tests, the benchmark, the snapshot CLI and the
 * screenshot script: software WebGL (SwiftShader), and no background requests of its own.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM,
  args: [
    '--enable-unsafe-swiftshader',
    '--use-angle=swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run'
  ]
};
