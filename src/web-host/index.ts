export { startWebHost, type WebHost, type WebHostOptions } from './start-web-host.js';
