// The built-in catalog as the `catalog` command shows it (revision 2: primary capabilities and features).
export const catalog: Record<string, string> = {
  'catalog.features': '; also: {features}',
};
