/**
 * Helpers for the Node tests of the CLI (not a test file itself). The tests run the BUILT command,
 * bin/cities-widgets.js → dist/lib/cli/, so run `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = path.join(root, 'bin', 'cities-widgets.js');

/** A file in test/node/fixtures/, relative to the project root (the CLI's working directory in tests). */
export const fixture = (name) => path.join('test', 'node', 'fixtures', name);

/** Runs the CLI from the project root; resolves with its exit code and output, whatever the code. */
export function cli(args, options = {}) {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000, ...options }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** A fresh temporary folder. */
export const tempDir = () => mkdtemp(path.join(tmpdir(), 'cities-widgets-cli-'));
