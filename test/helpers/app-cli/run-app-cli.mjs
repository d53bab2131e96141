// Starts the built main bundle (out/main/index.js) as the packaged app would be started,
// `"Enroll Desk" --cli <args>`, with `electron` replaced by fake-electron.mjs.
import { registerHooks } from 'node:module';

const fake = new URL('./fake-electron.mjs', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, nextResolve) => (specifier === 'electron' ? { url: fake, shortCircuit: true } : nextResolve(specifier, context)),
});

// A packaged app's argv: the executable, then the user's arguments (no script path).
process.argv = [process.execPath, '--cli', ...process.argv.slice(2)];
await import(new URL('../../../out/main/index.js', import.meta.url).href);
