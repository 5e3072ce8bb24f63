export { loadConfig, ConfigError } from './load-config.js';
