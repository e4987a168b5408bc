// esbuild inlines just this field into dist/cli.js; tsc resolves it for the tests in out/.
import { version } from '../../../package.json';

export const VERSION: string = version;
