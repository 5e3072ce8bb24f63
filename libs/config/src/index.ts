export { loadConfig, ConfigError } from './load-config.js';
export { readSecretFiles } from './secret-files.js';
export * from './app-registry.js';
