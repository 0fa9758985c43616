// Worker threads do not inherit the TypeScript loader of the main thread: register it here, then run
// the worker itself (as the corpus build worker does).
import { register } from 'tsx/esm/api';

register();
await import('./key-worker.ts');
