/**
 * Editor language ids the server is started for. YAML and JSON are served already so that the
 * Kubernetes and CloudFormation adapters need no client change: a document no adapter
 * recognises gets no diagnostics. Every adapter's languageIds must be listed here (a test checks).
 */
export const SERVED_LANGUAGE_IDS = ['terraform', 'yaml', 'json'] as const;

/** Files "Lint workspace" sends to the server; folders that hold generated or vendored code are skipped. */
export const WORKSPACE_FILES_GLOB = '**/*.tf';
export const WORKSPACE_EXCLUDE_GLOB = '**/{node_modules,.terraform,.git}/**';
