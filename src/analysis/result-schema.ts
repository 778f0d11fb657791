// Placeholder until the analysis lands: the zod schema of `analyze --format json`.
export function analysisJsonSchema(): Record<string, unknown> {
  return {};
}
