/** Outlets that are wire agencies: what they publish is a wire origin (DESIGN.md agency codes). */
const WIRE_OUTLETS: ReadonlySet<string> = new Set([
  'ap',
  'associated press',
  'the associated press',
  'reuters',
  'thomson reuters',
  'afp',
  'agence france-presse',
  'agence france presse',
  'bloomberg',
  'bloomberg news',
  'upi',
  'united press international',
  'dpa',
  'deutsche presse-agentur',
  'pa',
  'pa media',
  'press association',
  'tass',
  'interfax',
  'xinhua',
  'xinhua news agency',
]);

export function isWireOutlet(outlet: string): boolean {
  return WIRE_OUTLETS.has(outlet.trim().toLowerCase());
}
