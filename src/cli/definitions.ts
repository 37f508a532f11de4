/** The definition context of a CLI run: shipped profiles/ plus anything given with --load. */
import { DefinitionContext } from '../definitions/context/definition-context.js';
import { loadExtraPackages } from '../definitions/load-packages.js';
import { PROFILES_DIR } from '../definitions/paths.js';
import { DiskCompiledStore, type CompiledProvider } from '../definitions/store/compiled-store.js';

export async function openDefinitions(load: string[] = []): Promise<{ ctx: DefinitionContext; loadDiagnostics: string[] }> {
  const shipped = new DiskCompiledStore(process.env.TDDUI_BENCH_PROFILES ?? PROFILES_DIR);
  const layers: CompiledProvider[] = [];
  const loadDiagnostics: string[] = [];
  if (load.length) {
    const extra = await loadExtraPackages(load, shipped);
    layers.push(extra);
    for (const d of extra.diagnostics()) if (d.severity !== 'information') loadDiagnostics.push(`${d.severity} ${d.package} ${d.resource ?? ''} : ${d.message}`);
  }
  layers.push(shipped);
  return { ctx: new DefinitionContext(layers), loadDiagnostics };
}
