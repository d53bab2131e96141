// `npm start`: the desktop app where the Electron runtime is installed, browser mode elsewhere.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
// Node runs the tools directly (no npx/shell in between) so Ctrl+C reaches them.
const node = (args, stdio = 'inherit') => spawn(process.execPath, args, { cwd: root, stdio });

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'))) {
  forwardSignals(node([electronVite, 'preview']));
} else {
  if (!existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    console.log('Building the app (first start)…');
    const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const host = node(['--import', 'tsx', 'src/web-host/main.ts', ...process.argv.slice(2)], ['inherit', 'pipe', 'inherit']);
  // The host prints "Open: <url>"; it is passed on with the reason browser mode was chosen.
  let buffered = '';
  host.stdout.setEncoding('utf8');
  host.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      console.log(line.startsWith('Open: ') ? `Electron runtime not available here — starting browser mode. ${line}` : line);
    }
  });
  forwardSignals(host);
}
