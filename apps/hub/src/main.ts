// `npm start`: the whole hub in one process (see hub.ts). This entry only decides where the JSON
// logs go, before any module is loaded: every module creates its logger when it is imported, so the
// choice cannot be made inside hub.ts. By default they go to <data folder>/hub.log and the terminal
// shows one progress line per step and the banner; HUB_LOG_TO_TERMINAL=1 (or an explicit
// HUB_LOG_FILE) is for operators who want the JSON stream on standard output or elsewhere.
import { hubLogFile } from './log-file.js';

const logFile = hubLogFile(process.env);
if (logFile) process.env.HUB_LOG_FILE = logFile;
await import('./hub.js');
