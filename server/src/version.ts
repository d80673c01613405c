/**
 * The tool's version, read from package.json when the bundle is built (esbuild
 * inlines the one field; tsx reads the file), so it is never written by hand.
 */
import { version } from '../../package.json';

export const VERSION: string = version;
