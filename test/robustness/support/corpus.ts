import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root: tests run from the compiled test/robustness/ folder, the fixtures stay in the source tree. */
export const ROOT = join(__dirname, '..', '..', '..', '..');

/** Extensions of every HCL, YAML and JSON file the formats read (plus variable files). */
const EXTENSIONS = ['.tf', '.tfvars', '.yaml', '.yml', '.json', '.template'];
/** Folders of fixtures and examples; the conformance corpus and the vendored SARIF schema are not infrastructure code. */
const FOLDERS = ['examples', 'test/adapters', 'test/cli/fixtures', 'test/cli/fix-fixtures', 'test/config/fixtures', 'test/lsp/fixtures'];

export interface Sample {
  /** Relative to the repository root: adapters detect the format by path and content. */
  readonly path: string;
  readonly text: string;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile() && EXTENSIONS.some((extension) => entry.name.endsWith(extension))) out.push(path);
  }
  return out;
}

/** Every fixture and example, sorted by path so that a seed replays the same runs. */
export function loadSamples(): Sample[] {
  return FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder)))
    .filter((path) => statSync(path).size < 200_000)
    .sort()
    .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}
