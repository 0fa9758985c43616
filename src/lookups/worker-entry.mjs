// Worker threads do not inherit the TypeScript loader of the main thread: register it here, then run
// the worker itself (as the analysis and corpus build workers do).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
