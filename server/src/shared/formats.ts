/**
 * Editor language ids the server is started for. YAML and JSON are served already so that the
 * Kubernetes and CloudFormation adapters need no client change: a document no adapter
 * recognises gets no diagnostics. Every adapter's languageIds must be listed here (a test checks).
 * `dockercompose` is what VS Code's built-in YAML extension calls `compose.yaml`,
 * `docker-compose.yml` and the like: without it the editor never sends a Compose file.
 */
export const SERVED_LANGUAGE_IDS = ['terraform', 'yaml', 'json', 'dockercompose'] as const;

/**
 * Extensions of the files that may hold a format: the CLI reads only these, and each adapter then
 * decides by content (a YAML file may be a manifest, a template, a Compose file or none of them).
 */
export const LINTED_EXTENSIONS = ['.tf', '.yaml', '.yml', '.json', '.template'] as const;

/** Files "Lint workspace" sends to the server; folders that hold generated or vendored code are skipped. */
export const WORKSPACE_FILES_GLOB = `**/*.{${LINTED_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;
export const WORKSPACE_EXCLUDE_GLOB = '**/{node_modules,.terraform,.git}/**';
